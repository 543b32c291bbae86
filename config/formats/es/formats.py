"""Spanish numbers as CLDR and the browsers write them: 3.317.760 (Django's own es format groups
with a space, as the RAE recommends; editors here read the dot). Everything else is Django's."""

THOUSAND_SEPARATOR = "."
