"""What a translation desk save costs: reading an article for the desk, saving one corrected
segment (lock, check, write), and the preview's rebuild that follows, for a 500-segment
article and, as the baseline in the same run, the bundled 31-segment sample.

    .venv/bin/python bench/desk.py [--repeat N] [--segments N]
"""

import argparse
import io
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build.run import build  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.desk.web import Desk  # noqa: E402
from generator.diagnostics import Report  # noqa: E402
from generator.translate.mt.fill import fill, pending_work  # noqa: E402
from generator.translate.mt.protect import Glossary  # noqa: E402

SAMPLE = "sana-2016-02-13-lavrov-us-russia-cooperation"
LONG = "2016-03-01-long"
SENTENCES = ("قال الوزير إن الاجتماع رقم {n} كان مثمرا.", "وأضاف أن العمل في الملف رقم {n} مستمر.")


class Echo:
    """A machine that writes an English placeholder: the desk's costs do not depend on it."""

    engine_id = "bench:echo@1"

    def translate(self, sentences):
        return [f"Sentence {n}." for n in range(len(sentences))]


def make_site(folder: Path, segments: int) -> Path:
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "site.toml", folder / "site.toml")
    paragraphs = [" ".join(s.format(n=n) for s in SENTENCES) for n in range((segments - 1) // 2)]
    text = "عنوان خبر طويل جدا\n\nدمشق-سانا " + "\n\n".join(paragraphs) + "\n"
    (folder / "content" / "articles" / f"{LONG}.txt").write_text(text, encoding="utf-8")
    config = load_config(folder)
    report = Report(stream=None)
    fill(pending_work(config, report), Echo(), Glossary({}), report)  # every segment machine-translated
    build(folder, Report(stream=None), search=False, drafts=True, keep_last_good=True)
    return folder


def request(desk: Desk, method: str, path: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body else b""
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "HTTP_HOST": f"127.0.0.1:{desk.port}",
               "HTTP_X_NASHRA_DESK": desk.token, "CONTENT_TYPE": "application/json",
               "CONTENT_LENGTH": str(len(data)), "wsgi.input": io.BytesIO(data)}
    status: list[str] = []
    answer = json.loads(b"".join(desk(environ, lambda s, h: status.append(s))))
    assert status[0].startswith("200"), (status, answer)
    return answer


def measure(root: Path, slug: str, repeat: int) -> dict[str, float]:
    desk = Desk(root, "127.0.0.1", 8000)
    times: dict[str, list[float]] = {"read": [], "save": [], "rebuild": []}
    for n in range(repeat):
        started = time.perf_counter()
        article = request(desk, "GET", f"/_desk/articles/{slug}")
        times["read"].append(time.perf_counter() - started)
        segment = article["segments"][2 + n % (len(article["segments"]) - 2)]["id"]
        started = time.perf_counter()
        request(desk, "POST", f"/_desk/articles/{slug}/{segment}", {"target": f"Edit {n}.", "version": article["version"]})
        times["save"].append(time.perf_counter() - started)
        started = time.perf_counter()
        build(root, Report(stream=None), search=False, drafts=True, keep_last_good=True)
        times["rebuild"].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--segments", type=int, default=500)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = make_site(Path(folder), options.segments)
        segments = len(request(Desk(root, "127.0.0.1", 8000), "GET", f"/_desk/articles/{LONG}")["segments"])
        baseline = measure(root, SAMPLE, options.repeat)
        long = measure(root, LONG, options.repeat)
    print(f"median of {options.repeat}; the sample (31 segments) is the baseline")
    print(f"{'':28} {'sample':>9} {f'{segments} segments':>14} {'ratio':>6}")
    for name, label in (("read", "desk reads the article"), ("save", "desk saves one segment"),
                        ("rebuild", "preview rebuild after it")):
        print(f"{label:28} {baseline[name] * 1000:7.1f} ms {long[name] * 1000:11.1f} ms {long[name] / baseline[name]:5.1f}x")


if __name__ == "__main__":
    main()
