"""The site's pages (URL path, Korean title, English title): fixed by issue 2, relied on by tests."""

PAGES = [
    ("", "쿠팡플레이 고객지원", "Coupang Play Help Center"),
    ("support/", "고객지원 이해하기", "Understanding customer support"),
    ("support/methods/", "고객지원 방법 비교", "Compare support channels"),
    ("support/help-center/", "온라인 헬프 센터", "Online help center"),
    ("support/email/", "이메일 문의", "Email support"),
    ("support/phone/", "전화 상담", "Phone support"),
    ("support/request/", "상담 요청 절차", "How to request support"),
    ("support/tips/", "문의 잘하는 법", "Tips for contacting support"),
    ("account/", "계정", "Account"),
    ("account/sign-in/", "로그인이 안 될 때", "When you can't sign in"),
    ("account/password-reset/", "비밀번호 재설정", "Reset your password"),
    ("payment/", "결제", "Payment"),
    ("payment/errors/", "결제 오류 해결", "Fix payment errors"),
    ("payment/methods/", "결제 수단 확인·변경", "Check or change your payment method"),
    ("faq/", "자주 묻는 질문", "Frequently asked questions"),
]
PAGES += [
    ("account/unrecognized-activity/", "내가 하지 않은 로그인·결제", "A sign-in or payment you didn't make"),
    ("payment/cancel-refund/", "해지·환불", "Cancel or get a refund"),
    ("watch/", "시청", "Watching"),
    ("watch/playback/", "재생 문제 해결", "Fix playback problems"),
    ("watch/devices/", "기기·TV에서 로그인", "Sign in on devices and TVs"),
]
