"""PartnerUp: form, run and support writing partnerships in K-5 writing workshop."""

__version__ = "0.1.0"
