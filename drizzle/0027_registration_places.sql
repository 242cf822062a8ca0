CREATE INDEX "registration_event_waiting_idx" ON "registration" USING btree ("event_id","waiting_since");--> statement-breakpoint
CREATE INDEX "registration_event_email_idx" ON "registration" USING btree ("event_id",lower("email"));--> statement-breakpoint
CREATE INDEX "registration_choice_session_waiting_idx" ON "registration_choice" USING btree ("session_id","waiting_since");--> statement-breakpoint
-- The places of an event as the others hold them: per scope (the event, session_id NULL, and each
-- session; with `p_sessions` only those) and status the count, the offers that ran out and the choices
-- queued on a session's list; the live registrations with the same e-mail; and the moment a newcomer
-- gets on a waiting list (one millisecond after the latest, so that the lists keep the order in which
-- the places were decided). `p_mine` (a registration being written) is left out. Read without a lock for
-- the plan of a new registration, and under the event's lock by registration_place_hold.
CREATE FUNCTION registration_places(
  p_event uuid, p_mine uuid, p_email text, p_now timestamptz, p_sessions uuid[] DEFAULT NULL
)
RETURNS TABLE (session_id uuid, status text, n int, expired int, queued int, same_email int, at timestamptz)
LANGUAGE sql STABLE AS $$
  WITH moment AS (
    SELECT greatest(
      p_now,
      (SELECT max(r.waiting_since) FROM registration r WHERE r.event_id = p_event) + interval '1 millisecond',
      (SELECT max(x.m) FROM event_session s,
        LATERAL (SELECT max(c.waiting_since) AS m FROM registration_choice c WHERE c.session_id = s.id) x
        WHERE s.event_id = p_event) + interval '1 millisecond'
    ) AS at
  )
  SELECT NULL::uuid, r.status::text, count(*)::int,
    (count(*) FILTER (WHERE r.offer_expires_at <= p_now))::int,
    (count(*) FILTER (WHERE r.waiting_since IS NOT NULL))::int,
    0, (SELECT at FROM moment)
  FROM registration r
  WHERE r.event_id = p_event AND (p_mine IS NULL OR r.id <> p_mine)
  GROUP BY r.status
  UNION ALL
  -- Only choices of registrations with a place at the event count on a session's list. All sessions:
  -- from the event's confirmed registrations; some: from those sessions' choices that hold a place or
  -- are queued (the others count for nothing), so that the lock reads little.
  SELECT c.session_id, c.status::text, count(*)::int,
    (count(*) FILTER (WHERE c.offer_expires_at <= p_now))::int,
    (count(*) FILTER (WHERE c.waiting_since IS NOT NULL))::int, 0, (SELECT at FROM moment)
  FROM registration r JOIN registration_choice c ON c.registration_id = r.id
  WHERE p_sessions IS NULL
    AND r.event_id = p_event AND r.status = 'confirmed' AND (p_mine IS NULL OR r.id <> p_mine)
  GROUP BY c.session_id, c.status
  UNION ALL
  SELECT c.session_id, c.status::text, count(*)::int,
    (count(*) FILTER (WHERE c.offer_expires_at <= p_now))::int,
    (count(*) FILTER (WHERE c.waiting_since IS NOT NULL))::int, 0, (SELECT at FROM moment)
  FROM registration_choice c JOIN registration r ON r.id = c.registration_id
  WHERE cardinality(p_sessions) > 0
    AND c.session_id = ANY (p_sessions)
    AND (c.status IN ('confirmed', 'offered') OR c.waiting_since IS NOT NULL)
    AND r.status = 'confirmed' AND (p_mine IS NULL OR r.id <> p_mine)
  GROUP BY c.session_id, c.status
  UNION ALL
  SELECT NULL, 'moment', 0, 0, 0,
    (SELECT count(*) FROM registration r
      WHERE r.event_id = p_event AND lower(r.email) = lower(p_email) AND r.status <> 'cancelled'
        AND (p_mine IS NULL OR r.id <> p_mine))::int,
    (SELECT at FROM moment)
$$;
--> statement-breakpoint
-- The decision of a new registration's places, made in the database so that the event's lock is held
-- only for the time of one statement (not across round trips to the app): locks the event, reads the
-- places with a fresh snapshot and checks that the event and the chosen sessions (`p_sessions`) are
-- still in the state (free or full) the plan was made from, and settled (no offer ran out, no free place
-- while somebody waits). `p_expected` holds the state of each of `p_sessions`, NULL where it does not
-- matter. Raises BN410 when the event was cancelled meanwhile, BN409 when the e-mail is registered
-- already, BN412 when the places changed (nothing is
-- written then: the app plans again from the places the error's detail gives, as below); returns the
-- waiting-list moment and the others' places per scope ('event' or a session's id): [taken, waiting,
-- expired].
CREATE FUNCTION registration_place_hold(
  p_event uuid, p_mine uuid, p_email text, p_now timestamptz,
  p_event_expected text, p_sessions uuid[], p_expected text[]
)
RETURNS TABLE (at timestamptz, places jsonb)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  cap int;
  v_at timestamptz;
  v_duplicate boolean;
  v_unsettled boolean;
  v_matches boolean;
  v_places jsonb;
  v_cancelled timestamptz;
BEGIN
  -- Only in READ COMMITTED does each statement below read with a new snapshot (one taken after the lock).
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'registration_place_hold needs READ COMMITTED, not %',
      current_setting('transaction_isolation');
  END IF;
  SELECT e.capacity, e.cancelled_at INTO cap, v_cancelled FROM event e WHERE e.id = p_event FOR NO KEY UPDATE;
  IF v_cancelled IS NOT NULL THEN
    RAISE EXCEPTION 'registration: event cancelled' USING ERRCODE = 'BN410';
  END IF;
  -- A new statement, a new snapshot: it sees everything committed before the lock was granted.
  WITH t AS MATERIALIZED (
    SELECT * FROM registration_places(p_event, p_mine, p_email, p_now, p_sessions)
  ), scopes AS (
    SELECT NULL::uuid AS session_id, cap AS capacity
    UNION ALL
    SELECT s.id, s.capacity FROM event_session s WHERE s.event_id = p_event AND s.id = ANY (p_sessions)
  ), tally AS (
    SELECT sc.session_id, sc.capacity,
      coalesce(sum(t.n) FILTER (WHERE t.status IN ('confirmed', 'offered')), 0) AS taken,
      coalesce(sum(t.expired) FILTER (WHERE t.status = 'offered'), 0) AS expired,
      coalesce(sum(CASE WHEN sc.session_id IS NULL THEN t.n ELSE t.queued END)
        FILTER (WHERE t.status = 'waiting'), 0) AS waiting
    FROM scopes sc
    LEFT JOIN t ON t.session_id IS NOT DISTINCT FROM sc.session_id AND t.status <> 'moment'
    GROUP BY sc.session_id, sc.capacity
  ), st AS (
    SELECT session_id, taken, waiting, expired,
      CASE
        WHEN expired > 0 OR (waiting > 0 AND (capacity IS NULL OR taken < capacity)) THEN 'unsettled'
        WHEN capacity IS NULL OR taken < capacity THEN 'free'
        ELSE 'full'
      END AS state
    FROM tally
  )
  SELECT
    (SELECT t.at FROM t WHERE t.status = 'moment'),
    (SELECT t.same_email > 0 FROM t WHERE t.status = 'moment'),
    bool_or(state = 'unsettled'),
    bool_and(CASE
      WHEN session_id IS NULL THEN state = p_event_expected
      ELSE coalesce(state = p_expected[array_position(p_sessions, session_id)], true)
    END),
    jsonb_object_agg(coalesce(session_id::text, 'event'), jsonb_build_array(taken, waiting, expired))
  INTO v_at, v_duplicate, v_unsettled, v_matches, v_places
  FROM st;
  IF v_duplicate THEN
    RAISE EXCEPTION 'registration: e-mail registered already' USING ERRCODE = 'BN409';
  END IF;
  IF v_unsettled OR NOT v_matches THEN
    RAISE EXCEPTION 'registration: places changed' USING ERRCODE = 'BN412', DETAIL = v_places::text;
  END IF;
  RETURN QUERY SELECT v_at, v_places;
END;
$$;
