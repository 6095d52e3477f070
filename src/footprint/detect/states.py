"""US states and Australian states and territories: codes, names and their postcode ranges.

Used to accept a bare ZIP code or Australian postcode only beside a state it belongs to, and to
tell which Australian telephone area a page's address is in.

- US: the first digit of a ZIP code is the national area (USPS, "ZIP Code" national areas
  0-9), e.g. 6 for Illinois, Missouri, Kansas and Nebraska.
- Australia: Australia Post's postcode ranges per state (e.g. NSW 1000-2599, 2619-2899,
  2921-2999; VIC 3000-3999, 8000-8999), and the state's trunk area code from the ACMA numbering
  plan (02 NSW and ACT, 03 VIC and TAS, 07 QLD, 08 SA, WA and NT).
"""

from __future__ import annotations

# State code -> the ZIP code national areas (first digits) it uses.
_US_ZIP_AREAS = {
    **dict.fromkeys("CT MA ME NH NJ PR RI VT".split(), "0"),
    "NY": "01",
    **dict.fromkeys("DE PA".split(), "1"),
    **dict.fromkeys("DC MD NC SC VA WV".split(), "2"),
    **dict.fromkeys("AL FL GA MS TN".split(), "3"),
    **dict.fromkeys("IN KY MI OH".split(), "4"),
    **dict.fromkeys("IA MN MT ND SD WI".split(), "5"),
    **dict.fromkeys("IL KS MO NE".split(), "6"),
    **dict.fromkeys("AR LA OK TX".split(), "7"),
    **dict.fromkeys("AZ CO ID NM NV UT WY".split(), "8"),
    **dict.fromkeys("AK CA HI OR WA".split(), "9"),
}
US_STATE_NAMES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA",
    "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD",
    "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS",
    "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH",
    "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
    "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN",
    "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA",
    "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY", "Puerto Rico": "PR",
}  # fmt: skip
# Australia Post ranges (inclusive) per state or territory.
_AU_RANGES = {
    "NSW": ((1000, 2599), (2619, 2899), (2921, 2999)),
    "ACT": ((200, 299), (2600, 2618), (2900, 2920)),
    "VIC": ((3000, 3999), (8000, 8999)),
    "QLD": ((4000, 4999), (9000, 9999)),
    "SA": ((5000, 5999),),
    "WA": ((6000, 6999),),
    "TAS": ((7000, 7999),),
    "NT": ((800, 999),),
}
AU_STATE_NAMES = {
    "New South Wales": "NSW",
    "Australian Capital Territory": "ACT",
    "Victoria": "VIC",
    "Queensland": "QLD",
    "South Australia": "SA",
    "Western Australia": "WA",
    "Tasmania": "TAS",
    "Northern Territory": "NT",
}
# The trunk area code for landlines in each Australian state or territory (ACMA).
AU_AREA_CODES = {
    "NSW": "2",
    "ACT": "2",
    "VIC": "3",
    "TAS": "3",
    "QLD": "7",
    "SA": "8",
    "WA": "8",
    "NT": "8",
}
# Longest first, so "West Virginia" wins over "Virginia".
STATE_NAME_PATTERN = "|".join(
    sorted((*US_STATE_NAMES, *AU_STATE_NAMES), key=len, reverse=True)
).replace(" ", r"[ \t]+")


def state_code(state: str) -> str:
    """'Illinois' -> 'IL', 'Queensland' -> 'QLD'; codes are returned as given."""
    name = " ".join(state.split())
    return US_STATE_NAMES.get(name) or AU_STATE_NAMES.get(name) or state


def postcode_in_state(code: str, state: str) -> bool:
    """Whether `code` is a ZIP code (5 or ZIP+4) or Australian postcode (4) of `state`."""
    state = state_code(state)
    if len(code) == 4:
        number = int(code)
        return any(low <= number <= high for low, high in _AU_RANGES.get(state, ()))
    return code[0] in _US_ZIP_AREAS.get(state, "")
