"""The starting synonym list; marketing edits it in the admin (검색 동의어) from then on."""

from django.db import migrations

DEFAULT_SYNONYMS = [
    ("울쎄라, 울세라, 울쎼라, 울쎄라피, Ulthera, Ultherapy", "상품명과 흔한 오타"),
    ("보톡스, 보톡, Botox, 보툴리눔 톡신, 보톨리눔", "제품명과 성분명"),
    ("필러, Filler, 히알루론산 필러", ""),
    ("스컬트라, 스컬프트라, Sculptra", ""),
    ("엘란쎄, 엘란세, Ellanse", ""),
    ("실리프팅, 실 리프팅, 녹는 실, 실루엣, Thread lifting", ""),
    ("오시는길, 오시는 길, 찾아오시는 길, 병원 위치, 약도, 주차", "병원 위치 문의"),
    ("진료안내, 진료시간, 진료 시간, 휴진, 영업시간, 예약 방법", ""),
    ("개인정보처리방침, 개인정보 처리방침, 개인정보 취급방침, 개인정보 보호정책", ""),
    ("제모, 레이저 제모, 털 제거, 겨드랑이 제모", ""),
    ("홍조, 안면홍조, 붉은기, 혈관", ""),
    ("잡티, 기미, 색소, 주근깨", ""),
    ("여드름, 트러블, 뾰루지, 여드름 자국", ""),
    ("탈모, 탈모치료, 머리 빠짐, 두피 탈모", ""),
    ("백옥주사, 글루타치온", "성분명"),
    ("마늘주사, 푸르설티아민", "성분명"),
    ("신데렐라주사, 알파리포산, 치옥트산", "성분명"),
    ("태반주사, 라이넥", "제품명"),
    ("물광주사, 스킨부스터", ""),
    ("지방흡입, 지흡, Liposuction", ""),
    ("모발이식, 모발 이식, 머리 심기, Hair transplant", ""),
    ("마이어스칵테일, 마이어스 칵테일, Myers cocktail", ""),
    ("주사요법, 영양주사", ""),
    ("수액, 수액주사, 링거", ""),
    ("의료진, 원장, 원장님, 의사, 전문의", ""),
]


def add_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for words, note in DEFAULT_SYNONYMS:
        SearchSynonym.objects.get_or_create(words=words, defaults={"note": note})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
