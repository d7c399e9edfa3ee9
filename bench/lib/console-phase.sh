# Sourced by bench/run (its settings, helpers and system are in scope): the staff console's pages, one request at a
# time.

# The console first, on the seed history alone (the phases after it add thousands of referrals). Its pages are what
# one person waits for: one request at a time, each page in turn, the health check and a static asset in the same
# rounds as the ceiling (an answer of the same server with no page behind it).
./tsunagu seed-history >/dev/null
# Seed 000's cases go to meetings, not to an agency's inbox: so that 受信箱 and 担当ケース are not measured empty,
# kurume-kikan-01 refers BENCH_CONSOLE_CASES cases that routing gives kurume-houkatsu-01 (篠山, dementia: the
# elderly field alone), and its worker, the one measured, accepts half of them (then they are in her caseload).
token=$(agency_token) ids=()
for ((i = 0; i < ${BENCH_CONSOLE_CASES:-60}; i++)); do
  ids+=("$(curl -fsS -X POST "$INTAKE/referrals" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -d '{"channel":"AGENCY","person":{"name":"性能 試験","age":81,"area":"篠山"},"concerns":["DEMENTIA"],"consent":"UNKNOWN","urgency":"ROUTINE"}' \
    | sed -n 's/.*"caseId":"\([^"]*\)".*/\1/p')")
done
bench drained --bootstrap "$BOOTSTRAP" >/dev/null
token=$(./tsunagu token agency --agency kurume-houkatsu-01 --municipality 402036)
for ((i = 0; i < ${#ids[@]}; i += 2)); do
  curl -fsS -o /dev/null -X POST "$ROUTING/cases/${ids[$i]}/acceptance" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"accepted":true}' || echo "not accepted: ${ids[$i]}" >&2
done
bench drained --bootstrap "$BOOTSTRAP" >/dev/null
# The coordinator's pages need a case with a possible duplicate, a held meeting with a corrected 議事録 and a plan
# (seed 000's meetings are years past): kurume-kikan-01 refers a man twice and 4 more (8050, consent given: they
# escalate), a coordinator's token schedules an ad-hoc 重層的支援会議 today for them and records its minutes (his
# case a 多機関協働プラン), then the plan's wish and goals and a correction; the ids go to the console's pages.
made=$(bench coordination --intake "$INTAKE" --meeting "$MEETING" --planning "$PLANNING" --bootstrap "$BOOTSTRAP" \
  --agency-token "$(agency_token)" --coordinator-token "$(./tsunagu token coordinator --municipality 402036)") \
  || { echo "the coordinator's data could not be made: her case, meeting and plan pages are left out" | tee -a "$OUT"; made=; }
# shellcheck disable=SC2046 # "case=ID duplicate=ID meeting=ID plan=ID" → --case ID ..., ids without spaces
bench console --url "http://127.0.0.1:$(./tsunagu port console)" --users "$TSUNAGU_HOME/idp/demo-users.txt" \
  $(sed 's/\([a-z]*\)=/--\1 /g' <<<"$made") \
  --rounds "${BENCH_CONSOLE_ROUNDS:-200}" --warmup "${BENCH_CONSOLE_WARMUP:-30}" | tee -a "$OUT"
echo "RSS after the console's pages:$(rss)" | tee -a "$OUT"
