"""The issuer of a cited document (cơ quan ban hành): the words after ``của`` that still name a body."""

from __future__ import annotations

from vnplan.parse.citations.patterns import COMMA_NAMES_RE, WORD

# Words that end an issuer (lower-case forms; compared on lower-case text).
_STOP1 = frozenset(
    "về tại nhằm để theo trong đối với cho là đã được sẽ thì mà khi này đó trên số ngày kèm gửi "
    "v/v vv giao nay và hoặc như tới đến sau trước từ".split()
)
_RUN_ON = ("về", "tại", "nhằm", "theo", "quy định", "ban hành")
_STOP2 = frozenset(
    [
        "ban hành", "quy định", "phê duyệt", "hướng dẫn", "triển khai", "thực hiện", "sửa đổi",
        "bổ sung", "tổ chức", "điều chỉnh", "thông qua", "chỉ đạo", "thành lập", "kiện toàn",
        "tuyên truyền", "đề nghị", "công bố", "bãi bỏ", "tăng cường", "đẩy mạnh", "xây dựng",
        "phân công", "chấp thuận", "cho phép", "giải quyết", "quản lý", "quyết định", "kết luận",
        "thông báo", "báo cáo", "đề ra", "nêu rõ", "yêu cầu", "đánh giá", "tổng kết", "sơ kết",
        "phân bổ", "công nhận", "bố trí", "bảo đảm", "đảm bảo", "khuyến khích", "tiếp tục", "thí điểm",
        "thống nhất", "nâng cao", "hỗ trợ", "ủy quyền", "uỷ quyền", "giao nhiệm", "kéo dài", "áp dụng",
    ]
)


def _is_upper(s: str) -> bool:
    return s.upper() == s and any(c.isalpha() for c in s)


def read_issuer(tail: str) -> str | None:
    """The issuer at the start of ``tail`` (the text after ``của``), or ``None``."""
    if not tail or not tail[0].isupper():
        return None
    upper = _is_upper(tail[: min(len(tail), 40)])
    m = COMMA_NAMES_RE.match(tail)
    pos = m.end() if m else 0
    words = []
    for w in WORD.finditer(tail, pos):
        words.append((w.start(), w.group()))
        if len(words) > 17:
            break
    end = pos
    taken = 1 if m else 0
    for k, (ws, w) in enumerate(words):
        bare = w.rstrip(",.;:!?…")
        if not bare:
            break
        low = bare.lower()
        nxt = words[k + 1][1] if k + 1 < len(words) else ""
        if taken:
            if "/" in bare:
                break  # "V/v", "b/c": never part of a name
            if low == "và":
                if not nxt[:1].isupper():
                    break  # "của Chính phủ và các …"
            elif (upper or bare[0].islower()) and (
                low in _STOP1
                or f"{low} {nxt.rstrip(',.;:').lower()}" in _STOP2
                or (len(low) > 4 and low.startswith(_RUN_ON))  # "vềviệc": words run together
            ):
                break
        end = ws + len(bare)
        taken += 1
        if len(bare) < len(w) and not (w.endswith(".") and bare in ("TP", "Tp", "TX", "Tx")):
            break
        if taken >= 16:
            break
    issuer = tail[:end].strip()
    return issuer or None


__all__ = ["read_issuer"]
