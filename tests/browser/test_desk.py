"""The translation desk in a real browser: on the preview's parallel view an editor corrects
the English in place with the keyboard, sees where each segment's English comes from, and
saves; the memory file changes, the page reloads showing the correction, and the editor
carries on at the next segment. A save from a page older than the memory file is refused,
the editor's text kept."""

from __future__ import annotations

import dataclasses
import time

import pytest

from generator.model import Provenance
from generator.translate.memory import load_memory, save_memory
from tests.support.browser import SLUG
from tests.support.preview import RELOAD_SECONDS, reloaded_showing, serving

ENGINE = "argos:translate-ar_en@1.9"
MACHINE = ("s0-p1-1", "s0-p2-1")  # made machine translations in the copy of the sample's memory
PARALLEL = f"en/articles/{SLUG}/parallel/"


def memory_file(root):
    return root / "content" / "translations" / f"{SLUG}.toml"


def machine_made(root) -> None:
    memory = load_memory(memory_file(root), SLUG)
    entries = {key: dataclasses.replace(entry, provenance=Provenance.MACHINE, engine=ENGINE) if key in MACHINE
               else entry for key, entry in memory.entries.items()}
    save_memory(memory_file(root), dataclasses.replace(memory, entries=entries))


@pytest.fixture
def desk_preview(tmp_path):
    with serving(tmp_path, machine_made) as served:
        yield served


def wait_for(browser, predicate: str, *args, timeout: float = RELOAD_SECONDS):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser.driver, timeout, poll_frequency=0.02).until(
        lambda d: d.execute_script(f"return {predicate};", *args))


def until_saved(root, segment_id: str, text: str, timeout: float = 10) -> bool:
    """Whether the memory file holds `text` for the segment within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if load_memory(memory_file(root), SLUG).entries[segment_id].target == text:
            return True
        time.sleep(0.02)
    return False


def keys(browser, *chord: str) -> None:
    """Press `chord` (modifiers first) in the focused element."""
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(browser.driver)
    for key in chord[:-1]:
        actions.key_down(key)
    actions.send_keys(chord[-1])
    for key in reversed(chord[:-1]):
        actions.key_up(key)
    actions.perform()


def open_desk(browser, base_url: str) -> None:
    browser.open(base_url + PARALLEL)
    wait_for(browser, "document.documentElement.dataset.deskReady === '1'")
    browser.run("window.nashraTestMark = true;")


def editing(browser) -> dict:
    return browser.run("""
        const editor = document.querySelector('.desk-editor');
        return editor && {state: editor.querySelector('.desk-state').textContent,
                          source: editor.querySelector('.desk-source').textContent,
                          text: editor.querySelector('textarea').value,
                          focused: document.activeElement === editor.querySelector('textarea'),
                          message: editor.querySelector('.desk-message').textContent};""")


def test_an_editor_corrects_a_machine_translation_with_the_keyboard(browser, desk_preview):
    from selenium.webdriver.common.keys import Keys

    root, base_url = desk_preview
    open_desk(browser, base_url)
    browser.run("document.getElementById('en-s0-p1-1').focus();")
    keys(browser, Keys.ENTER)
    shown = editing(browser)
    assert shown["state"] == f"s0-p1-1: Machine translation, not reviewed ({ENGINE})"
    assert shown["source"].startswith("أعلن وزير الخارجية الروسي سيرغي لافروف")
    assert shown["text"].startswith("Russian Foreign Minister Sergey Lavrov announced") and shown["focused"]
    assert browser.run("return document.getElementById('ar-s0-p1-1').classList.contains('desk-source-active');")

    corrected = "Russian Foreign Minister Sergey Lavrov said the two sides agreed to start military cooperation."
    browser.run("document.querySelector('.desk-editor textarea').select();")
    keys(browser, corrected)
    pressed = time.perf_counter()
    keys(browser, Keys.CONTROL, Keys.ENTER)
    wait_for(browser, "document.documentElement.dataset.deskSaved === '1'")
    saved = time.perf_counter()
    entry = load_memory(memory_file(root), SLUG).entries["s0-p1-1"]
    assert (entry.target, entry.provenance, entry.engine) == (corrected, Provenance.REVIEWED, ENGINE)

    # The preview rebuilds and reloads the page; the desk reopens at the next segment.
    reloaded_showing(browser, "document.getElementById('en-s0-p1-1').textContent === arguments[0]"
                              " && document.getElementById('en-s0-p1-1').classList.contains('reviewed')"
                              " && !!document.querySelector('.desk-editor')", corrected)
    reloaded = time.perf_counter()
    print(f"desk save: {1000 * (saved - pressed):.0f} ms to the memory file, "
          f"{1000 * (reloaded - pressed):.0f} ms to the reloaded page")
    assert editing(browser)["state"].startswith("s0-p2-1: Machine translation, not reviewed")
    assert editing(browser)["focused"]

    keys(browser, Keys.ALT, Keys.ARROW_DOWN)  # unchanged: on to the next, nothing saved
    assert editing(browser)["state"].startswith("s0-p3-1: Human translation")
    keys(browser, Keys.ALT, Keys.ARROW_UP)
    assert editing(browser)["state"].startswith("s0-p2-1")
    keys(browser, Keys.ESCAPE)
    assert editing(browser) is None
    assert browser.run("return document.activeElement.id;") == "en-s0-p2-1"
    assert load_memory(memory_file(root), SLUG).entries["s0-p2-1"].provenance is Provenance.MACHINE


def test_a_save_from_a_page_older_than_the_memory_is_refused_and_the_text_kept(browser, desk_preview):
    from selenium.webdriver.common.keys import Keys

    root, base_url = desk_preview
    open_desk(browser, base_url)
    browser.run("document.getElementById('en-s0-p2-1').click();")
    mine = "Lavrov hoped the agreement would help form a united front against terrorism."
    browser.run("document.querySelector('.desk-editor textarea').select();")
    keys(browser, mine)

    # Meanwhile the file changes elsewhere (a text editor): the page reloads, the text stays.
    memory = load_memory(memory_file(root), SLUG)
    other = dataclasses.replace(memory.entries["title"], target="Lavrov: a US-Russian military agreement")
    save_memory(memory_file(root), dataclasses.replace(memory, entries={**memory.entries, "title": other}))
    reloaded_showing(browser, "!!document.querySelector('.desk-editor')"
                              " && document.getElementById('en-title').textContent.startsWith('Lavrov: a US')")
    assert editing(browser)["text"] == mine

    keys(browser, Keys.CONTROL, Keys.ENTER)
    wait_for(browser, "document.querySelector('.desk-message').textContent.startsWith('not saved')")
    assert "changed since the page was loaded" in editing(browser)["message"]
    assert editing(browser)["text"] == mine
    assert load_memory(memory_file(root), SLUG).entries["s0-p2-1"].target != mine

    # Knowing it now, the editor saves again: over the change. (Pressed again should a late
    # reload of the page have swallowed the keys.)
    for _ in range(3):
        keys(browser, Keys.CONTROL, Keys.ENTER)
        if until_saved(root, "s0-p2-1", mine):
            break
    saved = load_memory(memory_file(root), SLUG)
    assert saved.entries["s0-p2-1"].target == mine
    assert saved.entries["title"].target == "Lavrov: a US-Russian military agreement"  # the other change kept


def test_the_desk_page_leads_to_each_article_that_needs_an_editor(browser, desk_preview):
    _, base_url = desk_preview
    browser.open(base_url + "desk/")
    rows = browser.run("return [...document.querySelectorAll('tbody tr')].map(row =>"
                       " [...row.querySelectorAll('td')].map(cell => cell.textContent.trim()));")
    assert len(rows) == 1 and rows[0][2:] == ["0", "2", "0"]  # untranslated, machine, stale
    assert browser.follow("tbody a") == base_url + PARALLEL
    wait_for(browser, "document.documentElement.dataset.deskReady === '1'")
    assert "2 of 31 segments need an editor." in browser.run(
        "return document.querySelector('.desk-toolbar').textContent;")
    assert not [m for m in browser.console_messages() if m["level"] == "SEVERE"]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_desk_has_no_serious_accessibility_violations(browser, desk_preview, color_scheme):
    from tests.support.browser import AXE, require

    require(AXE.is_file(), "axe-core (npm ci in tests/browser)")
    _, base_url = desk_preview
    found = []
    browser.open(base_url + "desk/", color_scheme=color_scheme)
    found += browser.axe_violations()
    browser.open(base_url + PARALLEL, color_scheme=color_scheme)
    wait_for(browser, "document.documentElement.dataset.deskReady === '1'")
    browser.run("document.getElementById('en-s0-p1-1').click();")  # with a segment's editor open
    found += browser.axe_violations()
    browser.screenshot(f"desk-{color_scheme}")
    assert [f"{v['impact']}: {v['id']}: {v['help']}: {[n['target'] for n in v['nodes']]}"
            for v in found if v["impact"] in ("serious", "critical")] == []


def test_a_change_made_elsewhere_to_the_open_segment_is_never_overwritten_unasked(browser, desk_preview):
    from selenium.webdriver.common.keys import Keys

    root, base_url = desk_preview
    open_desk(browser, base_url)

    def change_elsewhere(target: str) -> None:  # a translator's text editor
        memory = load_memory(memory_file(root), SLUG)
        entry = dataclasses.replace(memory.entries["s0-p2-1"], target=target)
        save_memory(memory_file(root), dataclasses.replace(memory, entries={**memory.entries, "s0-p2-1": entry}))
        reloaded_showing(browser, "!!document.querySelector('.desk-editor')"
                                  " && document.getElementById('en-s0-p2-1').textContent === arguments[0]", target)

    # Opened, nothing typed: after the reload the editor shows the other text, and moving on saves nothing.
    browser.run("document.getElementById('en-s0-p2-1').click();")
    change_elsewhere("The translator's own sentence.")
    assert editing(browser)["text"] == "The translator's own sentence."
    keys(browser, Keys.ALT, Keys.ARROW_DOWN)
    assert editing(browser)["state"].startswith("s0-p3-1")
    time.sleep(0.5)
    assert load_memory(memory_file(root), SLUG).entries["s0-p2-1"].target == "The translator's own sentence."

    # Typed, then changed elsewhere: the editor keeps the typed text, says so, and moving does not save it.
    keys(browser, Keys.ALT, Keys.ARROW_UP)
    browser.run("document.querySelector('.desk-editor textarea').select();")
    keys(browser, "My own version.")
    change_elsewhere("The translator's second sentence.")
    assert editing(browser)["text"] == "My own version."
    assert editing(browser)["message"].startswith("Changed elsewhere while you wrote")
    keys(browser, Keys.ALT, Keys.ARROW_DOWN)
    assert editing(browser)["message"].startswith("Not moved")
    assert load_memory(memory_file(root), SLUG).entries["s0-p2-1"].target == "The translator's second sentence."
    for _ in range(3):  # explicitly: saved over it (pressed again should a late reload swallow the keys)
        keys(browser, Keys.CONTROL, Keys.ENTER)
        if until_saved(root, "s0-p2-1", "My own version."):
            break
    assert load_memory(memory_file(root), SLUG).entries["s0-p2-1"].target == "My own version."
