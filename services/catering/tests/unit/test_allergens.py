"""Dishes carry the EU 14 allergens; a menu's allergens are those of its dishes; typos stop start-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.catering.domain.allergens import EU_ALLERGENS, dish_lines, menu_allergens
from services.catering.domain.menus import MENUS_PATH, Menu, load_menus

pytestmark = pytest.mark.unit

BOOK = load_menus()


def menu(menu_id: str) -> Menu:
    found = BOOK.menu(menu_id)
    assert found is not None
    return found


def test_there_are_the_fourteen_eu_allergens() -> None:
    assert len(set(EU_ALLERGENS)) == 14
    assert {"cereals containing gluten", "tree nuts", "peanuts", "sulphites", "lupin"} <= set(EU_ALLERGENS)


def test_a_menus_allergens_are_its_dishes_once_each_in_regulation_order() -> None:
    assert menu_allergens(menu("chinese-banquet")) == [
        "celery",
        "cereals containing gluten",
        "crustaceans",
        "eggs",
        "fish",
        "molluscs",
        "peanuts",
        "sesame",
        "soybeans",
    ]
    assert menu_allergens(menu("tea-break")) == [
        "cereals containing gluten",
        "eggs",
        "milk",
        "sesame",
        "soybeans",
    ]


def test_every_menu_has_labelled_dishes() -> None:
    assert all(m.dishes for m in BOOK.menus)
    assert "Seasonal fruit (allergens: none)" in dish_lines(menu("tea-break"))
    assert "Egg fried rice (allergens: eggs)" in dish_lines(menu("chinese-banquet"))


def test_an_unknown_allergen_or_a_style_without_staffing_stops_loading(tmp_path: Path) -> None:
    book = json.loads(MENUS_PATH.read_text())
    book["menus"][0]["dishes"][0]["allergens"] = ["gluten"]
    book["menus"][1]["service_style"] = "picnic"
    path = tmp_path / "menus.json"
    path.write_text(json.dumps(book))
    with pytest.raises(ValueError) as error:
        load_menus(path)
    assert "unknown allergen 'gluten'" in str(error.value)
    assert "tea-break: no staffing for style 'picnic'" in str(error.value)
