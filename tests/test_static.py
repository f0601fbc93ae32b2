from django.contrib.staticfiles import finders


def test_the_site_stylesheet_is_served_from_the_app_not_a_cdn():
    assert finders.find("partnerup/site.css")
