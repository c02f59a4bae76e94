"""The trimmed Bootstrap stylesheet has every class the project can put on a page and
little else; the built file has all that `manage.py build_css` finds today."""

from mpp import trimmed_css


def test_the_built_stylesheet_has_every_class_the_templates_use():
    # Classes, not bytes: another Bootstrap or crispy-bootstrap5 release may reorder rules.
    built = set(trimmed_css.CLASS.findall(trimmed_css.output_path().read_text()))
    missing = set(trimmed_css.CLASS.findall(trimmed_css.build())) - built
    assert not missing, (
        f"Templates, forms or scripts use {sorted(missing)} now: run `make setup` "
        "(or `.venv/bin/python manage.py build_css`)."
    )


def test_used_and_composed_classes_are_kept_and_unused_components_dropped():
    css = trimmed_css.output_path().read_text()
    for kept in (".navbar-toggler", ".collapse:not(.show)", ".card-img-top", ".alert-danger"):
        assert kept in css
    for dropped in (".carousel", ".offcanvas", ".popover", ".toast", ".spinner-grow"):
        assert dropped not in css
    assert len(css) < len(trimmed_css.bootstrap_source().read_text()) / 2


def test_a_rule_stays_only_while_every_class_of_one_of_its_selectors_is_used():
    css = ".a .b,.c{color:red}@media (min-width:1px){.b{margin:0}.d{padding:0}}p{margin:0}"
    assert trimmed_css.trim(css, {"a", "b"}, ()) == (
        ".a .b{color:red}@media (min-width:1px){.b{margin:0}}p{margin:0}"
    )
    assert trimmed_css.trim(css, {"d"}, ("c",)) == (
        ".c{color:red}@media (min-width:1px){.d{padding:0}}p{margin:0}"
    )
