"""The 14 allergens EU Regulation 1169/2011 requires caterers to declare: the names catering labels its
dishes with and guests name in their registration with the venue (whose counts feed catering's orders)."""

from __future__ import annotations

EU_ALLERGENS = (
    "celery",
    "cereals containing gluten",
    "crustaceans",
    "eggs",
    "fish",
    "lupin",
    "milk",
    "molluscs",
    "mustard",
    "tree nuts",
    "peanuts",
    "sesame",
    "soybeans",
    "sulphites",
)
