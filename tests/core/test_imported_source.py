"""An answer that mixes imported real figures with demonstration figures names each source with
the figures it holds; the demonstration source line alone would mislabel the imported figure."""

from __future__ import annotations

from bot.core.messages import IncomingMessage

CSV = ("indicator,region,category,year,numerator,denominator,value\n"
       "neet,GM0193,totaal,2023,50,1000,5\n")


def test_imported_figure_is_not_labelled_with_the_demo_source(tmp_path) -> None:
    from bot.services import build_assistant, build_services
    from bot.settings import Settings
    from indicators.importer import import_file

    services = build_services(Settings(data_dir=tmp_path, _env_file=None))
    path = tmp_path / "echt.csv"
    path.write_text(CSV, encoding="utf-8")
    import_file(path, services.registry, tmp_path)
    services = build_services(Settings(data_dir=tmp_path, _env_file=None))
    reply = build_assistant(services).handle(
        IncomingMessage("test", "c", "u", "Hoeveel jongeren in Zwolle zijn NEET?"))
    zwolle = [f for f in reply.facts if f.region == "GM0193"]
    assert zwolle and not zwolle[0].demo and zwolle[0].value == 5.0
    source = [line for line in reply.about if line.startswith("Bron:")]
    assert source and "Geïmporteerde cijfers" in source[0] and "voor Zwolle" in source[0]
    # the national figure is still demonstration data, and is named as such after it
    assert any(f.demo for f in reply.facts)
    demo_lines = [line for line in reply.about if line.startswith("Demonstratiecijfers (Nederland")]
    assert demo_lines and "Demonstratiedata" in demo_lines[0]
    # an own import is not a CBS table: nothing claims CBS for it
    assert "CBS" not in source[0]
    assert all("CBS-cijfers" not in n.text and "ingelezen cijfers" in n.text for n in reply.notices)

    plain = build_assistant(services).handle(
        IncomingMessage("test", "d", "u", "Hoeveel jongeren in Deventer zijn NEET?"))
    assert [line for line in plain.about if line.startswith("Bron:")][0].startswith(
        "Bron: Demonstratiedata")
