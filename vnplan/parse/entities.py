"""Named spans in plan text (thực thể): organisations, dates, percentage targets and deadlines.

Plain ``regex`` functions over one string, returning ``(start, end)`` pairs; ``vnplan.nlp``
turns them into spaCy entity spans. Nothing here imports spaCy.
"""

from __future__ import annotations

import regex

__all__ = ["find_orgs", "find_dates", "find_targets", "find_deadlines"]


def _v(*words: str) -> str:
    out: set[str] = set()
    for w in words:
        out |= {w, w.lower(), w.upper(), w[:1].upper() + w[1:].lower()}
    return "|".join(regex.escape(x).replace("\\ ", " ") for x in sorted(out, key=len, reverse=True))


# ----------------------------------------------------------------------------- dates

_DAY = r"\d{1,2}"
_NUM_DATE = rf"{_DAY}\s?[/.\-]\s?\d{{1,2}}\s?[/.\-]\s?\d{{4}}(?!\d)"
_WORD_DATE = rf"(?:(?:{_v('ngày')})\s)?{_DAY}\s(?:{_v('tháng')})\s\d{{1,2}}\s(?:{_v('năm')})\s\d{{4}}(?!\d)"
_MONTH = rf"(?:{_v('tháng')})\s\d{{1,2}}(?:\s?/\s?\d{{4}}|\s(?:{_v('năm')})\s\d{{4}})?(?!\d)"
_QUARTER = rf"(?:{_v('quý')})\s(?:I{{1,3}}|IV|[1-4])(?:\s?/\s?\d{{4}}|\s(?:{_v('năm')})\s\d{{4}})?(?![\p{{L}}\d])"
_YEAR = rf"(?:{_v('năm')})\s(?:19|20)\d{{2}}(?!\d)"
_DATE_RE = regex.compile(
    rf"(?<![\p{{L}}\d/])(?:(?:{_v('ngày')})\s)?{_NUM_DATE}|(?<![\p{{L}}\d])(?:{_WORD_DATE}|{_MONTH}|{_QUARTER}|{_YEAR})"
)


def find_dates(text: str) -> list[tuple[int, int]]:
    """Dates and periods: ``21/01/2024``, ``ngày 21 tháng 01 năm 2024``, ``tháng 6``, ``quý I/2024``, ``năm 2024``."""
    return [m.span() for m in _DATE_RE.finditer(text)]


# ----------------------------------------------------------------------------- deadlines

_BEFORE = _v("trước", "chậm nhất", "muộn nhất", "chậm nhất là", "trước hoặc trong", "không quá", "hạn chót",
             "xong trước", "đến hết", "trong")
_DONE = _v("hoàn thành", "hoàn thành xong", "xong", "báo cáo", "gửi", "nộp", "thực hiện xong", "kết thúc")
_WHEN = rf"(?:(?:{_v('ngày')})\s?)?{_NUM_DATE}|{_WORD_DATE}|{_MONTH}|{_QUARTER}|{_YEAR}"
_DEADLINE_RE = regex.compile(
    rf"(?<![\p{{L}}\d])(?:(?:{_DONE})\s)?(?:{_BEFORE})\s(?:{_WHEN})"
)


def find_deadlines(text: str) -> list[tuple[int, int]]:
    """Deadlines: ``trước ngày 15/12/2024``, ``hoàn thành trong tháng 6``, ``chậm nhất quý II/2024``.

    ``trong …`` counts only after a verb of completion (``hoàn thành trong tháng 6``): alone it
    names a period, not a deadline.
    """
    out: list[tuple[int, int]] = []
    for m in _DEADLINE_RE.finditer(text):
        s = m.group(0).lower()
        if regex.match(r"trong\s", s):
            continue
        out.append(m.span())
    return out


# ----------------------------------------------------------------------------- targets

_QUAL = _v("trên", "dưới", "ít nhất", "tối thiểu", "tối đa", "không dưới", "không thấp hơn", "không quá",
           "khoảng", "từ", "đến", "hơn", "trở lên")
_VERB = _v("đạt", "đạt tỷ lệ", "đạt tỉ lệ", "tăng", "giảm", "tăng thêm", "giảm ít nhất", "phấn đấu đạt")
_PCT = r"\d{1,3}(?:[.,]\d{1,2})?\s?%"
_TARGET_RE = regex.compile(
    rf"(?<![\p{{L}}\d])(?:(?:{_VERB})\s(?:(?:{_QUAL})\s)?{_PCT}(?:\s?(?:{_v('trở lên')}))?"
    rf"|(?:(?:{_QUAL})\s)?{_PCT})"
)


def find_targets(text: str) -> list[tuple[int, int]]:
    """Percentage targets: ``đạt trên 90%``, ``đạt 100%``, ``giảm ít nhất 10%``, and bare ``95%``."""
    return [m.span() for m in _TARGET_RE.finditer(text)]


# ----------------------------------------------------------------------------- organisations

_HEADS = _v(
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân", "UBND", "HĐND", "Ủy ban", "Sở", "Bộ", "Ban", "Phòng",
    "Trung tâm", "Văn phòng", "Cục", "Chi cục", "Tổng cục", "Đài", "Báo", "Viện", "Trường", "Bệnh viện", "Vụ",
    "Thanh tra", "Công an", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Chính phủ", "Quốc hội", "Thủ tướng Chính phủ",
    "Mặt trận Tổ quốc", "Liên đoàn Lao động", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ", "Kho bạc Nhà nước",
)
_PLACE = _v("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
# words that end a name: verbs and function words after it ("Sở Y tế chủ trì", "Văn phòng Sở hướng dẫn")
_STOPW = (
    "phối hướng thực triển tổ xây có là đã được sẽ và của về tại theo trong với cho để các những này đó chủ "
    "tham ban báo gửi nộp hoàn kiểm quản chịu căn giao trên dưới đến từ nhằm tiếp đề rà tăng đẩy"
).split()
_STOP_ALT = "|".join(sorted(_STOPW, key=len, reverse=True))
# a capitalised word, with the lower-case syllable of a compound after it ("Khoa học", "Công nghệ")
_CAPWORD = rf"(?:\p{{Lu}}[\p{{L}}&]*(?:\s(?!(?:{_STOP_ALT})(?!\p{{L}}))\p{{Ll}}+)?|[\p{{Lu}}\d&]{{2,}})"
_ORG_RE = regex.compile(
    rf"(?<![\p{{L}}\d])(?:{_HEADS})(?=\s\p{{Lu}}|\s(?:{_PLACE})\s\p{{Lu}}|(?![\p{{L}}]))"
    rf"(?:\s(?:{_CAPWORD}|(?:và|-)\s(?!(?:{_HEADS})(?!\p{{L}}))(?:{_CAPWORD})|(?:{_PLACE})(?=\s\p{{Lu}})|(?:nhân dân)))*"
)
_STANDALONE = frozenset(k.lower() for k in ("Sở", "Bộ", "Ban", "Phòng", "Vụ", "Cục", "Đài", "Báo", "Trường", "Viện",
                                              "Trung tâm", "Văn phòng", "Ủy ban", "Thanh tra", "Công an"))


def find_orgs(text: str) -> list[tuple[int, int]]:
    """Organisations named by a head word and capitalised words: ``Sở Khoa học và Công nghệ``,
    ``UBND tỉnh Bắc Giang``, ``Trung tâm Ứng dụng KH&CN``. A bare head word (``Sở``) is not one."""
    out: list[tuple[int, int]] = []
    for m in _ORG_RE.finditer(text):
        s = m.group(0)
        if s.lower() in _STANDALONE:
            continue
        out.append(m.span())
    return out
