"""The clinic's menu as the seed document gives it, written out here independently of the
shipped content file, so the tests check the loader against the client's own list."""

from pathlib import Path

SEED_MENU = [
    ("엔비소개", ["엔비철학", "엔비의료진", "엔비브랜드", "진료안내", "오시는길"]),
    (
        "엔비스페셜",
        [
            "스컬트라",
            "콜라겐닥터",
            "BB레이저솔루션",
            "3D광채레이저",
            "트리플토닝",
            "MBTC-Y",
            "트리플물광젯",
            "프렉사",
        ],
    ),
    (
        "리프팅",
        [
            "3D입체리프팅",
            "실루엣 리프팅",
            "실리프팅",
            "울쎄라",
            "에어젯 리프팅",
            "엑실리스",
            "시크릿리프팅",
            "울트라에어리프팅",
        ],
    ),
    ("보톡스/필러", ["엘란쎄", "필러", "보톡스", "윤곽주사"]),
    (
        "스킨케어",
        [
            "샤넬주사",
            "올인원레이저",
            "잡티/기미",
            "여드름/모공/흉터",
            "홍조",
            "메디컬스킨케어",
            "물광주사",
        ],
    ),
    ("주사요법", ["신데렐라주사", "태반주사", "백옥주사", "마늘주사", "마이어스칵테일"]),
    ("바디케어", ["바디시술", "바디관리", "지방흡입", "제모"]),
    ("두피케어", ["두피탈모상식", "탈모치료 프로그램", "헤어셀", "두피케어", "모발이식"]),
]

REPO = Path(__file__).resolve().parents[1]
SHIPPED_POLICY = REPO / "policies" / "content" / "privacy-2017.txt"
# The client's seed document as delivered, kept in the repository; the client's own folder
# (../shared/seeds) is compared with it when it is beside the checkout.
SEED_DOCUMENT = REPO / "home" / "content" / "seed" / "000_820a81db215a4397.txt"
CLIENT_SEED_DOCUMENT = REPO.parent / "shared" / "seeds" / SEED_DOCUMENT.name
