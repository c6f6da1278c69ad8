"""Every error a user can see speaks Vietnamese: each message raised in the package has its Vietnamese
template in ``labels.json`` (``errors``), and the command line shows it by default (English with --lang en)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from vnplan.errors import InputError, UsageError
from vnplan.report.messages import detail, error_text, known, translate

PACKAGE = Path(__file__).resolve().parent.parent / "vnplan"
ERRORS = {"VnplanError", "InputError", "EmptyInputError", "BinaryInputError", "EncodingError",
          "UnsupportedFormatError", "CorruptFileError", "EncryptedFileError", "UnsafeFileError", "LimitExceededError",
          "NeedsOCRError", "NotAPlanError", "DataFileError", "ProfileError", "MissingExtraError", "UsageError"}


def _template(node: ast.AST, names: dict[str, str] | None = None) -> str | None:
    """The text a message argument makes, each computed part as ``X``; None when it is not written out.
    ``names``: the module's constants (``_PDF_HINT = "…"``)."""
    if isinstance(node, ast.Name) and names and node.id in names:
        return names[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "X" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left, names), _template(node.right, names)
        return None if left is None else left + (right if right is not None else "X")
    return None


def raised_messages() -> list[tuple[str, str]]:
    """``(where, text)`` of every message and hint given to a vnplan error (or to a reading limit) in the package."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {t.id: v for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1
                 and isinstance(t := n.targets[0], ast.Name) and (v := _template(n.value)) is not None}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name not in ERRORS and name != "exceeded":
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            args = [node.args[0]] if node.args else []
            args += [k.value for k in node.keywords if k.arg == "hint" and k.value is not None]
            out.extend((where, t) for a in args if (t := _template(a, names)) is not None)
    return out


def test_the_scan_finds_the_messages() -> None:
    found = raised_messages()
    assert len(found) > 100
    assert any(t == "no such file" for _, t in found)


def test_every_message_raised_in_the_package_has_a_vietnamese_template() -> None:
    unknown = sorted({f"{w}: {t!r}" for w, t in raised_messages() if not known(t)})
    assert not unknown, ("add these to vnplan/vocab/labels.json, errors (English template with {name} "
                         "placeholders, beside the Vietnamese one):\n" + "\n".join(unknown))


def test_every_template_has_the_same_placeholders_in_both_languages() -> None:
    import vnplan.vocab as vocab

    for e in vocab.labels().errors:
        assert sorted(re.findall(r"\{(\w+)\}", e.en)) == sorted(re.findall(r"\{(\w+)\}", e.vi)), e.en


def test_a_message_is_translated_with_its_facts_and_the_facts_themselves() -> None:
    assert translate("cannot write the report: Permission denied") == "không ghi được báo cáo: không có quyền truy cập"
    assert translate("unknown rule id 'Z9'") == "không có quy tắc mã 'Z9'"
    assert translate("something vnplan never says") == "something vnplan never says"
    assert translate("no such file", "en") == "no such file"


def test_an_error_keeps_its_file_and_hint() -> None:
    exc = InputError("no such file", path="kế hoạch.txt")
    assert error_text(exc) == "kế hoạch.txt: không có tệp này"
    assert error_text(exc, "en") == str(exc)
    hint = UsageError("no rule matches 'Z9'", hint="`vnplan rules` lists the rule ids")
    assert detail(hint) == "không quy tắc nào khớp 'Z9' (`vnplan rules` liệt kê mã các quy tắc)"


@pytest.mark.parametrize(("message", "vi"), [
    ("Invalid value for '--lang': 'fr' is not one of 'vi', 'en'.", "giá trị không hợp lệ cho '--lang': 'fr' không phải"),
    ("No such option '--selct'. Did you mean '--select'?", "không có tùy chọn '--selct'. Có phải là '--select'?"),
    ("Missing argument 'FILE'.", "thiếu đối số 'FILE'."),
])
def test_the_command_lines_own_messages_are_translated(message: str, vi: str) -> None:
    assert translate(message).startswith(vi)
