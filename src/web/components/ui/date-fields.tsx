import {
  type CalendarDate,
  type CalendarDateTime,
  parseDate,
  parseDateTime,
  parseTime,
  type Time,
} from '@internationalized/date';
import { type ReactNode, useState } from 'react';
import {
  TimeField as AriaTimeField,
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  Text,
} from 'react-aria-components';

/**
 * Dates and times are typed and shown in the German form (TT.MM.JJJJ, 24 hours) whatever the browser's
 * language: the native pickers follow the browser and showed `mm/dd/yyyy` and `02:00 PM` (issue 8).
 * Each field submits a hidden input under `name` in the form the API reads, so the forms keep reading
 * FormData as before: "2026-12-02", "14:00", "2026-12-02T14:00".
 */
const LOCALE = 'de-DE';

type Common = {
  label: string;
  /** The FormData key of the value. */
  name: string;
  hint?: ReactNode;
  /** An error from the server, shown like the field's own validation message. */
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  /** Narrow field for a date alone (KERN width modifier). */
  className?: string;
};

const REQUIRED = {
  date: 'Bitte geben Sie ein Datum ein (TT.MM.JJJJ).',
  time: 'Bitte geben Sie eine Uhrzeit ein (HH:MM).',
  dateTime: 'Bitte geben Sie Datum und Uhrzeit ein.',
};

function parseOr<T>(parse: (s: string) => T, value: string | null | undefined): T | null {
  if (!value) return null;
  try {
    return parse(value);
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: CalendarDate | null) => (d ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : '');
const isoTime = (t: Time | null) => (t ? `${pad(t.hour)}:${pad(t.minute)}` : '');
const isoDateTime = (d: CalendarDateTime | null) =>
  d ? `${d.year}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}` : '';

/** A date with a calendar to pick from: "TT.MM.JJJJ"; submits "YYYY-MM-DD". */
export function DateField({
  defaultValue,
  min,
  max,
  ...common
}: Common & { defaultValue?: string | null; min?: string; max?: string }) {
  const [value, setValue] = useState<CalendarDate | null>(() => parseOr(parseDate, defaultValue));
  return (
    <Picker
      {...common}
      value={value}
      onChange={(v) => setValue(v as CalendarDate | null)}
      submitted={isoDay(value)}
      minValue={parseOr(parseDate, min)}
      maxValue={parseOr(parseDate, max)}
      granularity="day"
      requiredMessage={REQUIRED.date}
    />
  );
}

/** A date and a time with a calendar: "TT.MM.JJJJ, HH:MM"; submits "YYYY-MM-DDTHH:mm". */
export function DateTimeField({ defaultValue, ...common }: Common & { defaultValue?: string | null }) {
  const [value, setValue] = useState<CalendarDateTime | null>(() => parseOr(parseDateTime, defaultValue));
  return (
    <Picker
      {...common}
      value={value}
      onChange={(v) => setValue(v as CalendarDateTime | null)}
      submitted={isoDateTime(value)}
      granularity="minute"
      requiredMessage={REQUIRED.dateTime}
    />
  );
}

type PickerProps = Common & {
  value: CalendarDate | CalendarDateTime | null;
  onChange: (v: CalendarDate | CalendarDateTime | null) => void;
  submitted: string;
  minValue?: CalendarDate | null;
  maxValue?: CalendarDate | null;
  granularity: 'day' | 'minute';
  requiredMessage: string;
};

function Picker({
  label,
  name,
  hint,
  error,
  required,
  disabled,
  className,
  value,
  onChange,
  submitted,
  minValue,
  maxValue,
  granularity,
  requiredMessage,
}: PickerProps) {
  return (
    <I18nProvider locale={LOCALE}>
      <DatePicker
        className={`kern-form-input bn-date-field${className ? ` ${className}` : ''}`}
        value={value}
        onChange={onChange}
        granularity={granularity}
        hourCycle={24}
        minValue={minValue ?? undefined}
        maxValue={maxValue ?? undefined}
        isRequired={required}
        isDisabled={disabled}
        isInvalid={error ? true : undefined}
        shouldForceLeadingZeros
      >
        <Label className="kern-label">{label}</Label>
        {hint ? (
          <Text slot="description" className="kern-hint">
            {hint}
          </Text>
        ) : null}
        <Group className="kern-form-input__input bn-date-field__group">
          <DateInput className="bn-date-field__input">
            {(segment) => <DateSegment segment={segment} className="bn-date-field__segment" />}
          </DateInput>
          <Button className="bn-date-field__button">
            <span className="kern-icon kern-icon--calendar-today" aria-hidden="true" />
          </Button>
        </Group>
        <Errors error={error} requiredMessage={requiredMessage} />
        <input type="hidden" name={name} value={submitted} />
        <Popover className="bn-calendar-popover" placement="bottom start">
          <Dialog className="bn-calendar-dialog" aria-label={label}>
            <Calendar className="bn-calendar">
              <header className="bn-calendar__header">
                <Button slot="previous" className="kern-btn kern-btn--tertiary kern-btn--x-small">
                  <span className="kern-icon kern-icon--chevron-left" aria-hidden="true" />
                </Button>
                <Heading className="kern-heading-x-small bn-calendar__title" />
                <Button slot="next" className="kern-btn kern-btn--tertiary kern-btn--x-small">
                  <span className="kern-icon kern-icon--chevron-right" aria-hidden="true" />
                </Button>
              </header>
              <CalendarGrid className="bn-calendar__grid" weekdayStyle="short">
                {(date) => <CalendarCell date={date} className="bn-calendar__cell" />}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}

/** A time of day, 24 hours: "HH:MM"; submits "HH:mm". */
export function TimeField({
  label,
  name,
  hint,
  error,
  required,
  disabled,
  className,
  defaultValue,
}: Common & { defaultValue?: string | null }) {
  const [value, setValue] = useState<Time | null>(() => parseOr(parseTime, defaultValue));
  return (
    <I18nProvider locale={LOCALE}>
      <AriaTimeField
        className={`kern-form-input bn-date-field${className ? ` ${className}` : ''}`}
        value={value}
        onChange={setValue}
        hourCycle={24}
        isRequired={required}
        isDisabled={disabled}
        isInvalid={error ? true : undefined}
        shouldForceLeadingZeros
      >
        <Label className="kern-label">{label}</Label>
        {hint ? (
          <Text slot="description" className="kern-hint">
            {hint}
          </Text>
        ) : null}
        <DateInput className="kern-form-input__input bn-time-field__input">
          {(segment) => <DateSegment segment={segment} className="bn-date-field__segment" />}
        </DateInput>
        <Errors error={error} requiredMessage={REQUIRED.time} />
        <input type="hidden" name={name} value={isoTime(value)} />
      </AriaTimeField>
    </I18nProvider>
  );
}

/** The field's validation message or the server's, in KERN's error look. */
function Errors({ error, requiredMessage }: { error?: string | null; requiredMessage: string }) {
  return (
    <FieldError className="kern-error">
      {({ validationErrors, validationDetails }) => (
        <>
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">
            {/* An empty required field: the browser would word it in its own language. */}
            {error ?? (validationDetails.valueMissing ? requiredMessage : validationErrors.join(' '))}
          </span>
        </>
      )}
    </FieldError>
  );
}
