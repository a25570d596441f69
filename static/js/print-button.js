// "Print" buttons (data-print): a file rather than an onclick attribute, which the Content-Security-Policy forbids.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () {
    window.print();
  });
});
