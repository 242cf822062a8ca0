import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  Section,
  SelectField,
  StatusMessage,
  TextField,
} from '../../../components/ui';
import { formatTime, formatTimeRange } from '../../../lib/format';
import { EventFrame } from '../../events-planning';
import {
  addWalkIn,
  type CheckinEntry,
  type CheckinOverview,
  checkIn,
  checkInByCode,
  checkinKey,
  checkinQuery,
  fileUrl,
  setAttendance,
  undoCheckIn,
} from '../api';

const nameOf = (e: { firstName: string; lastName: string }) =>
  [e.firstName, e.lastName].filter(Boolean).join(' ');

/**
 * Einlass: the page at the door, built for a tablet. A big search field, the results as large rows with
 * "Einlassen", the counter, a field a QR scanner types into (and the camera where the browser can read
 * QR codes), walk-ins, attendance per session, the PDFs and exports.
 */
export function CheckInPage({ networkId, eventId }: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const { data, error } = useQuery(checkinQuery(networkId, eventId, q.trim()));
  const refresh = () => qc.invalidateQueries({ queryKey: checkinKey(networkId, eventId) });

  const admit = useMutation({
    mutationFn: (id: string) => checkIn(networkId, eventId, id),
    onSuccess: async (e) => {
      setWarning(null);
      setMessage(t('eventsCheckin.admitted', { name: nameOf(e), time: formatTime(e.checkedInAt) }));
      await refresh();
    },
  });
  const undo = useMutation({
    mutationFn: (id: string) => undoCheckIn(networkId, eventId, id),
    onSuccess: async (e) => {
      setMessage(t('eventsCheckin.undone', { name: nameOf(e) }));
      await refresh();
    },
  });

  return (
    <EventFrame networkId={networkId} eventId={eventId} current="checkin">
      <Page
        title={t('eventsCheckin.title')}
        intro={data?.title}
        actions={<Downloads networkId={networkId} eventId={eventId} />}
      >
        <ErrorAlert error={error} />
        {!data ? (
          error ? null : (
            <Loading />
          )
        ) : (
          <>
            <p className="bn-checkin-counter" aria-live="polite">
              {t('eventsCheckin.counter', { checkedIn: data.checkedIn, confirmed: data.confirmed })}
              {data.walkIns > 0 ? (
                <span className="kern-body"> {t('eventsCheckin.walkInCount', { count: data.walkIns })}</span>
              ) : null}
            </p>
            {data.anonymisedAt ? <Alert kind="info">{t('eventsCheckin.anonymised')}</Alert> : null}
            <StatusMessage message={message} />
            {warning ? <Alert kind="warning">{warning}</Alert> : null}
            <ErrorAlert error={admit.error ?? undo.error} />
            <CodeForm
              networkId={networkId}
              eventId={eventId}
              onDone={async (e) => {
                setWarning(null);
                setMessage(t('eventsCheckin.admitted', { name: nameOf(e), time: formatTime(e.checkedInAt) }));
                await refresh();
              }}
            />
            <Section title={t('eventsCheckin.searchTitle')} id="checkin-search">
              <div className="bn-checkin-search">
                <TextField
                  label={t('eventsCheckin.search')}
                  hint={t('eventsCheckin.searchHint')}
                  type="search"
                  value={q}
                  autoComplete="off"
                  onChange={(e) => setQ(e.target.value)}
                />
                <WalkInButton
                  networkId={networkId}
                  eventId={eventId}
                  onDone={async (e, w) => {
                    setWarning(w);
                    setMessage(t('eventsCheckin.walkInAdded', { name: nameOf(e) }));
                    await refresh();
                  }}
                />
              </div>
              <Results
                entries={data.entries}
                busyId={admit.isPending ? admit.variables : undo.isPending ? undo.variables : undefined}
                onAdmit={(id) => admit.mutate(id)}
                onUndo={(id) => undo.mutate(id)}
              />
            </Section>
            <Attendance networkId={networkId} eventId={eventId} data={data} onMessage={setMessage} />
          </>
        )}
      </Page>
    </EventFrame>
  );
}

function Downloads({ networkId, eventId }: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  const links = [
    ['attendance.pdf', 'eventsCheckin.files.attendance'],
    ['badges.pdf', 'eventsCheckin.files.badges'],
    ['exports/participants.xlsx', 'eventsCheckin.files.participants'],
    ['exports/sessions.xlsx', 'eventsCheckin.files.sessions'],
    ['exports/waiting-lists.xlsx', 'eventsCheckin.files.waitingLists'],
  ] as const;
  return (
    <ul className="bn-checkin-files" aria-label={t('eventsCheckin.files.label')}>
      {links.map(([file, label]) => (
        <li key={file}>
          <a className="kern-link" href={fileUrl(networkId, eventId, file)} download>
            {t(label)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Results({
  entries,
  busyId,
  onAdmit,
  onUndo,
}: {
  entries: CheckinEntry[];
  busyId?: string;
  onAdmit: (id: string) => void;
  onUndo: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="kern-body">{t('eventsCheckin.none')}</p>;
  return (
    <ul className="bn-checkin-results" aria-label={t('eventsCheckin.results', { count: entries.length })}>
      {entries.slice(0, 50).map((e) => (
        <li key={e.id} className={`bn-checkin-row${e.checkedInAt ? ' bn-checkin-row--in' : ''}`}>
          <div>
            <span className="bn-checkin-name">{nameOf(e)}</span>
            <span className="kern-body">
              {[e.institution, e.walkIn ? t('eventsCheckin.walkIn') : ''].filter(Boolean).join(' · ')}
            </span>
          </div>
          {e.checkedInAt ? (
            <div className="bn-checkin-done">
              <span className="kern-body">
                {t('eventsCheckin.checkedInAt', { time: formatTime(e.checkedInAt) })}
              </span>
              <Button
                variant="tertiary"
                small
                busy={busyId === e.id}
                onClick={() => onUndo(e.id)}
                aria-label={t('eventsCheckin.undoFor', { name: nameOf(e) })}
              >
                {t('eventsCheckin.undo')}
              </Button>
            </div>
          ) : (
            <Button
              busy={busyId === e.id}
              onClick={() => onAdmit(e.id)}
              aria-label={t('eventsCheckin.admitFor', { name: nameOf(e) })}
            >
              {t('eventsCheckin.admit')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

type Detector = { detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>> };

function CodeForm({
  networkId,
  eventId,
  onDone,
}: {
  networkId: string;
  eventId: string;
  onDone: (e: CheckinEntry) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const send = useMutation({
    mutationFn: (c: string) => checkInByCode(networkId, eventId, c),
    onSuccess: async (e) => {
      setCode('');
      await onDone(e);
      input.current?.focus();
    },
  });
  const canScan = typeof window !== 'undefined' && 'BarcodeDetector' in window;
  return (
    <Section title={t('eventsCheckin.codeTitle')} id="checkin-code">
      <form
        className="bn-checkin-code"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (code.trim()) send.mutate(code.trim());
        }}
      >
        <TextField
          ref={input}
          label={t('eventsCheckin.code')}
          hint={t('eventsCheckin.codeHint')}
          value={code}
          autoComplete="off"
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" variant="secondary" busy={send.isPending}>
          {t('eventsCheckin.admit')}
        </Button>
        {canScan ? (
          <Button variant="tertiary" onClick={() => setCamera((c) => !c)}>
            {camera ? t('eventsCheckin.cameraStop') : t('eventsCheckin.camera')}
          </Button>
        ) : null}
      </form>
      <ErrorAlert error={send.error} />
      {camera ? (
        <CameraScanner
          onCode={(c) => {
            setCamera(false);
            send.mutate(c);
          }}
        />
      ) : null}
    </Section>
  );
}

/** Reads QR codes with the camera through the browser's BarcodeDetector (feature-detected). */
function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const Ctor = (window as unknown as { BarcodeDetector: new (o: object) => Detector }).BarcodeDetector;
    const detector = new Ctor({ formats: ['qr_code'] });
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = window.setInterval(async () => {
          if (!video.current) return;
          const found = await detector.detect(video.current).catch(() => []);
          if (found[0]?.rawValue) {
            window.clearInterval(timer);
            onCode(found[0].rawValue);
          }
        }, 300);
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode]);
  if (failed) return <Alert kind="warning">{t('eventsCheckin.cameraFailed')}</Alert>;
  return (
    <video
      ref={video}
      className="bn-checkin-video"
      muted
      playsInline
      aria-label={t('eventsCheckin.cameraView')}
    />
  );
}

function WalkInButton({
  networkId,
  eventId,
  onDone,
}: {
  networkId: string;
  eventId: string;
  onDone: (e: CheckinEntry, warning: string | null) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: (fd: FormData) =>
      addWalkIn(networkId, eventId, {
        firstName: String(fd.get('firstName') ?? ''),
        lastName: String(fd.get('lastName') ?? ''),
        institution: String(fd.get('institution') ?? ''),
        function: String(fd.get('function') ?? ''),
      }),
    onSuccess: async (r) => {
      setOpen(false);
      await onDone(r.entry, r.warning);
    },
  });
  return (
    <>
      <Button variant="secondary" icon="add" onClick={() => setOpen(true)}>
        {t('eventsCheckin.walkInButton')}
      </Button>
      <FormDialog
        open={open}
        title={t('eventsCheckin.walkInTitle')}
        submitLabel={t('eventsCheckin.walkInSubmit')}
        onSubmit={(e) => save.mutate(new FormData(e.currentTarget))}
        onClose={() => {
          setOpen(false);
          save.reset();
        }}
        busy={save.isPending}
        error={save.error}
      >
        <TextField label={t('eventsCheckin.firstName')} name="firstName" autoComplete="off" />
        <TextField label={t('eventsCheckin.lastName')} name="lastName" required autoComplete="off" />
        <TextField label={t('eventsCheckin.institution')} name="institution" autoComplete="off" />
        <TextField label={t('eventsCheckin.function')} name="function" autoComplete="off" />
      </FormDialog>
    </>
  );
}

function Attendance({
  networkId,
  eventId,
  data,
  onMessage,
}: {
  networkId: string;
  eventId: string;
  data: CheckinOverview;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [sessionId, setSessionId] = useState(data.sessions[0]?.id ?? '');
  const session = data.sessions.find((s) => s.id === sessionId);
  // Everybody of the event (not only the search's results): the full list of confirmed registrations.
  const { data: all } = useQuery(checkinQuery(networkId, eventId, ''));
  const tick = useMutation({
    mutationFn: (x: { id: string; attended: boolean }) =>
      setAttendance(networkId, eventId, sessionId, [x.id], x.attended),
    onSuccess: async (r) => {
      onMessage(t('eventsCheckin.attendanceSaved', { count: r.attended, title: session?.title ?? '' }));
      await qc.invalidateQueries({ queryKey: checkinKey(networkId, eventId) });
    },
  });
  if (data.sessions.length === 0) return null;
  const members = (all?.entries ?? []).filter(
    (e) =>
      session?.kind === 'plenary' ||
      e.sessions.some((s) => s.sessionId === sessionId && (s.status === 'confirmed' || s.attended)),
  );
  return (
    <Section title={t('eventsCheckin.attendanceTitle')} id="checkin-attendance">
      <div className="bn-checkin-session">
        <SelectField
          label={t('eventsCheckin.session')}
          value={sessionId}
          onChange={(e) => setSessionId(e.target.value)}
          options={data.sessions.map((s) => ({
            value: s.id,
            label: `${formatTimeRange(s.startsAt, s.endsAt)} · ${s.title}`,
          }))}
        />
        {session ? (
          <p className="kern-body">
            {t('eventsCheckin.attendanceCount', { attended: session.attended, confirmed: session.confirmed })}{' '}
            <a className="kern-link" href={fileUrl(networkId, eventId, 'attendance.pdf', sessionId)} download>
              {t('eventsCheckin.files.sessionList')}
            </a>
          </p>
        ) : null}
      </div>
      <ErrorAlert error={tick.error} />
      <fieldset className="bn-checkin-attendance">
        <legend className="kern-label">
          {t('eventsCheckin.attendedLegend', { title: session?.title ?? '' })}
        </legend>
        {members.length === 0 ? <p className="kern-body">{t('eventsCheckin.noMembers')}</p> : null}
        {members.map((e) => {
          const attended = e.sessions.some((s) => s.sessionId === sessionId && s.attended);
          const id = `att-${sessionId}-${e.id}`;
          return (
            <div className="kern-form-check" key={e.id}>
              <input
                id={id}
                type="checkbox"
                className="kern-form-check__checkbox"
                checked={attended}
                disabled={tick.isPending}
                onChange={(ev) => tick.mutate({ id: e.id, attended: ev.target.checked })}
              />
              <label className="kern-label" htmlFor={id}>
                {`${e.lastName}${e.firstName ? `, ${e.firstName}` : ''}`}
                {e.institution ? <span className="bn-checkin-muted"> · {e.institution}</span> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
    </Section>
  );
}
