-- The first rule set. Later versions are added by a system administrator on /screening/rules.
insert into screening_rule_set (version_no, definition, created_at, created_by) values (1,
'alert_threshold=20
match_threshold=0.5
weight.WATCHLIST=70
weight.AT_RISK_CHILD=70
weight.MINOR_TO_RISK_COUNTRY=25
weight.MINOR_UNDER_14=15
weight.RISKY_VISA=15
weight.NO_GUARDIAN=20
weight.ADULT_WITH_UNRELATED_MINORS=30
weight.SAME_ADULT_DIFFERENT_MINORS=40
weight.HOTSPOT_COMMUNE=10
weight.COMPANION_ON_WATCHLIST=40
risk_countries=RU,BY,UA,PL,CZ,SK,HU,RO,BG,LT,LV,EE,DE,NL,BE,FR,GB,IE
risky_visas=TOURIST,STUDENT
hotspot_communes=25486,25489,25492
window_days=30
distinct_minors=3', timestamp '2026-01-01 00:00:00', 'system');
