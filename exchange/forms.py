"""The exchange's forms. Every text is stored as typed and escaped when shown: nothing a city or a reader writes is
ever rendered as HTML."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cities.models import City
from core.forms import DayMonthYearInput
from goodpractices.forms import FieldOfActionChoice, FieldsOfActionChoice
from goodpractices.models import FieldOfAction, GoodPractice

from .choices import Frequency
from .images import IMAGE_TYPES
from .models import Adoption, FollowUp, News


class NewsForm(forms.ModelForm):
    fields_of_action = FieldsOfActionChoice(
        queryset=FieldOfAction.objects.all(), required=False, label=_("Fields of action")
    )
    image = forms.FileField(
        required=False,
        label=_("Image"),
        help_text=_("PNG, JPEG or WebP, at most 3 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(IMAGE_TYPES)}),
    )

    class Meta:
        model = News
        fields = ["title", "summary", "body", "date", "language", "fields_of_action", "image_alt"]
        widgets = {"date": DayMonthYearInput(), "summary": forms.Textarea(attrs={"rows": 3})}


class NewNewsForm(NewsForm):
    city = forms.ModelChoiceField(queryset=City.objects.none(), label=_("City"))

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        if cities.count() == 1:
            self.fields["city"].initial = cities.first()
        self.order_fields(["city"])


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea({"rows": 3}))


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["title", "date", "body"]
        widgets = {"date": DayMonthYearInput(), "body": forms.Textarea(attrs={"rows": 6})}


class AdoptionForm(forms.ModelForm):
    city = forms.ModelChoiceField(queryset=City.objects.none(), label=_("Our city"))
    own_practice = forms.ModelChoiceField(
        queryset=GoodPractice.objects.none(), required=False, label=_("Our own practice (if we reported it)")
    )

    class Meta:
        model = Adoption
        fields = ["city", "own_practice", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, cities, practices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        if cities.count() == 1:
            self.fields["city"].initial = cities.first()
        self.fields["own_practice"].queryset = practices


class ContactForm(forms.Form):
    """A message to a city. Signed-in senders are known; the public gives a name and an address to answer to."""

    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your e-mail address"), help_text=_("The answer comes to this address."))
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            # The account's own name and address: nobody writes in another's name.
            del self.fields["name"], self.fields["email"]


class VisitRequestForm(forms.Form):
    city = forms.ModelChoiceField(queryset=City.objects.none(), label=_("Our city"))
    field = FieldOfActionChoice(queryset=FieldOfAction.objects.all(), label=_("Field of action"))
    practices = forms.ModelMultipleChoiceField(
        queryset=GoodPractice.objects.none(),
        required=False,
        label=_("The practices that prompted it"),
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("What we would like to learn"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    period = forms.CharField(label=_("When"), max_length=100, required=False, help_text=_('e.g. "spring 2026"'))

    def __init__(self, *args, cities, practices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        if cities.count() == 1:
            self.fields["city"].initial = cities.first()
        self.fields["practices"].queryset = practices


class VisitAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), required=False, max_length=2000, widget=forms.Textarea({"rows": 3}))


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name of this alert"), max_length=200, required=False)
    email = forms.EmailField(label=_("Your e-mail address"))
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices, initial=Frequency.WEEKLY)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            del self.fields["email"]  # a signed-in reader's digests go to their account's address


class FrequencyForm(forms.Form):
    hide_required = True  # one of two values, always chosen: "(required)" would say nothing
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
