"""Every write of the exchange, by feature. Views, the API, the admin, tasks and the demo call these."""
