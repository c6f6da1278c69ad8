"""The page in a real browser: Debian's Chromium, headless, driven through selenium and chromium-driver.

``vnplan serve`` runs as a user starts it; the test uploads the bundled samples, sees the
matrix with its fixed unit column and its filters, opens a plan and finds a highlighted
finding with its legal source, downloads the workbook and reads it back, then prints the
HTML report to PDF and finds every requirement id in it. ``.ci/run`` installs the browser;
where none can be installed the test is skipped, saying so.

Screenshots go to a temporary folder, or to ``$VNPLAN_SCREENSHOTS`` when it is set:
``VNPLAN_SCREENSHOTS=docs/img pytest tests/test_serve_browser.py`` refreshes the images of
docs/serve.md.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("flask", reason="vnplan serve needs the web extra (pip install 'vnplan[web]')")
webdriver = pytest.importorskip("selenium.webdriver", reason="the browser test needs selenium (the test extra)")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PROFILE = "bacgiang-14-KH-UBND-2024"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no Chromium and chromium-driver here (Debian: apt-get install chromium chromium-driver; .ci/run does)")


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("VNPLAN_SCREENSHOTS")
    folder = Path(where) if where else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``vnplan serve --port 0`` as a user starts it; its address and its private folder's parent."""
    temp = tmp_path_factory.mktemp("serve-temp")
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}
    if not os.environ.get("VNPLAN_TEST_INSTALLED"):
        env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.Popen([sys.executable, "-m", "vnplan", "serve", "--port", "0", "--profile", PROFILE],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=temp)
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(60)
    url = re.search(r"http://127\.0\.0\.1:\d+/", line[0] if line else "")
    if url is None:
        proc.kill()
        pytest.fail(f"vnplan serve did not start: {line} {proc.stderr.read() if proc.stderr else ''}")
    yield url.group(0), temp
    proc.terminate()
    proc.wait(30)
    assert not list(temp.glob("vnplan-serve-*")), "the private folder outlived the page"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[webdriver.Chrome, Path]]:
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1440,900", "--lang=vi-VN",
                f"--user-data-dir={tmp_path_factory.mktemp('profile')}"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    service = webdriver.ChromeService(executable_path=DRIVER)
    try:
        driver = webdriver.Chrome(options=options, service=service)
    except Exception as exc:  # a browser that cannot start here is a skip, with its reason
        pytest.skip(f"Chromium could not start: {str(exc).splitlines()[0]}")
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver, downloads
    driver.quit()


def _wait_file(folder: Path, suffix: str, timeout: float = 30) -> Path:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done = [p for p in folder.glob(f"*{suffix}") if p.stat().st_size > 0]
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}: {list(folder.iterdir())}")


def test_a_clerk_checks_the_samples_reads_a_plan_and_downloads_the_workbook(server, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    url, _ = server
    driver, downloads = browser
    wait = WebDriverWait(driver, 60)
    driver.get(url)
    assert driver.find_element(By.ID, "pmode-shipped").is_selected()  # --profile chose it
    picker = driver.find_element(By.ID, "pick-files")  # behind the "Chọn tệp…" button
    driver.execute_script("arguments[0].hidden = false;", picker)
    picker.send_keys("\n".join(str(p) for p in sorted(SAMPLES.iterdir())))
    driver.execute_script("arguments[0].hidden = true;", picker)
    assert "6" in driver.find_element(By.ID, "chosen").text
    driver.find_element(By.ID, "start").click()
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#matrix tbody tr")))
    headline = driver.find_element(By.ID, "headline").text
    assert re.search(r"\d+/\d+ đơn vị đạt", headline), headline
    rows = driver.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
    assert len(rows) == 6
    heads = driver.find_elements(By.CSS_SELECTOR, "#matrix thead th.req")
    assert len(heads) == 36 and "Viện dẫn" in heads[0].get_attribute("title")
    unit_head = driver.find_element(By.CSS_SELECTOR, "#matrix thead th.u")
    assert driver.execute_script("return getComputedStyle(arguments[0]).position", unit_head) == "sticky"
    assert "Đã kiểm tra 6 kế hoạch" in driver.find_element(By.ID, "run-status").text
    driver.execute_script("document.getElementById('results').scrollIntoView();")
    driver.save_screenshot(str(shots / "serve-matrix.png"))

    # the unit column stays in view when the matrix scrolls sideways
    box = driver.find_element(By.ID, "matrix-box")
    first = driver.find_element(By.CSS_SELECTOR, "#matrix tbody tr td.u")
    before = first.location["x"]
    driver.execute_script("arguments[0].scrollLeft = 2000;", box)
    assert driver.execute_script("return arguments[0].scrollLeft", box) > 0
    assert abs(first.rect["x"] - before) < 2

    # filters: one requirement, then only the units not compliant
    driver.execute_script("arguments[0].scrollLeft = 0;", box)
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, "f-req")).select_by_value("BG14-CIT")
    visible = [th for th in driver.find_elements(By.CSS_SELECTOR, "#matrix thead th.req") if th.is_displayed()]
    assert [th.get_attribute("data-id") for th in visible] == ["BG14-CIT"]
    Select(driver.find_element(By.ID, "f-req")).select_by_value("")
    driver.find_element(By.ID, "f-missing").click()
    shown = [tr for tr in driver.find_elements(By.CSS_SELECTOR, "#matrix tbody tr") if tr.is_displayed()]
    assert shown and all(tr.get_attribute("data-status") != "ok" for tr in shown)
    driver.find_element(By.ID, "f-missing").click()

    # open a plan: its text with the findings in place, the rule and its legal source beside it
    # the sample whose text lost its header table: Decree 30's form rules fire on it
    link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "#matrix tbody td.u a")
                if a.text == "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024")
    link.click()
    mark = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#viewer .pv-text mark.finding")))
    assert mark.is_displayed()
    side = driver.find_element(By.CSS_SELECTOR, "#viewer .pv-side").text
    assert "Căn cứ" in side and "Nghị định 30/2020/NĐ-CP" in side and "Quy tắc" in side
    assert driver.find_elements(By.CSS_SELECTOR, "#viewer .pv-text mark.evidence")
    driver.save_screenshot(str(shots / "serve-plan.png"))
    driver.find_element(By.ID, "viewer-close").click()

    # the workbook, read back: numbers as numbers
    driver.find_element(By.CSS_SELECTOR, "#downloads a[data-kind=xlsx]").click()
    book = openpyxl.load_workbook(_wait_file(downloads, ".xlsx"))
    matrix = book["Ma trận"]
    assert matrix.freeze_panes == "B5"
    body = list(matrix.iter_rows(min_row=5))
    assert len(body) == 6
    scores = [r[5].value for r in body if r[5].value is not None]
    assert scores and all(isinstance(s, (int, float)) for s in scores)
    assert all(isinstance(r[3].value, int) for r in body if r[2].value != "không đọc được")

    # the HTML report, printed: every requirement column on paper
    driver.find_element(By.CSS_SELECTOR, "#downloads a[data-kind=html]").click()
    report = _wait_file(downloads, ".html")
    _print_and_check(driver, report, shots)


def _print_and_check(driver, report: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    driver.get(report.as_uri())
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
        "printBackground": True, "preferCSSPageSize": True})["data"])
    out = report.with_suffix(".pdf")
    out.write_bytes(pdf)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the printed report")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    html = report.read_text(encoding="utf-8")
    ids = sorted(set(re.findall(r'data-id="(BG14-[A-Z0-9-]+)"', html)))
    assert len(ids) == 36
    missing = [i for i in ids if i not in text.replace("\n", "")]
    assert not missing, f"requirement columns not printed: {missing}"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and float(size.group(1)) > float(size.group(2)) and round(float(size.group(1))) == 842  # A4 landscape
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(out),
                        str(shots / "report-print")], check=True)
