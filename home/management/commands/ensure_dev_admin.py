import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = settings.BASE_DIR / "var" / "dev-admin-password"


class Command(BaseCommand):
    help = (
        "개발용 관리자 계정(admin)을 만들고 로그인 정보를 알려 줍니다. DEBUG 환경에서만 동작합니다."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="로그인 주소에 보여 줄 개발 서버의 호스트:포트 (기본값 127.0.0.1:8000)",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("개발 환경(DEBUG=True)에서만 쓸 수 있는 명령입니다.")
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None or not PASSWORD_FILE.exists():
            password = secrets.token_urlsafe(12)
            PASSWORD_FILE.parent.mkdir(parents=True, exist_ok=True)
            PASSWORD_FILE.write_text(password)
            if user is None:
                user = User(username="admin", email="admin@example.com")
            user.is_staff = user.is_superuser = user.is_active = True
            user.set_password(password)
            user.save()
        password = PASSWORD_FILE.read_text().strip()
        self.stdout.write(
            f"\n관리자 로그인 (개발용): http://{options['address']}/admin/\n"
            f"  아이디: admin\n  비밀번호: {password}\n"
        )
