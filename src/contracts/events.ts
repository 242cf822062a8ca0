import { z } from 'zod';

/* The shared vocabulary of Veranstaltungen (events and the Bildungskonferenz); each part has its own
 * contract file (events-core.ts, events-programme.ts, events-registration.ts, …). */

export const eventTypes = [
  'network_meeting',
  'staff_meeting',
  'specialist_day',
  'workshop',
  'conference',
] as const;
export const EventType = z.enum(eventTypes, { error: 'Bitte wählen Sie eine Art der Veranstaltung.' });
export type EventType = z.infer<typeof EventType>;

/** An event's way from idea to documentation; the order is the lifecycle. */
export const eventStatuses = [
  'planned',
  'announced',
  'registration_open',
  'closed',
  'held',
  'documented',
] as const;
export const EventStatus = z.enum(eventStatuses, { error: 'Unbekannter Stand der Veranstaltung.' });
export type EventStatus = z.infer<typeof EventStatus>;

/** Who an event is for (several may apply). */
export const targetGroups = [
  'teachers',
  'school_leaders',
  'early_childhood',
  'youth_services',
  'companies',
  'parents',
  'students',
  'administration',
  'public',
] as const;
export const TargetGroup = z.enum(targetGroups, { error: 'Unbekannte Zielgruppe.' });
export type TargetGroup = z.infer<typeof TargetGroup>;

export const resourceKinds = ['room', 'equipment'] as const;
export const ResourceKind = z.enum(resourceKinds, { error: 'Bitte wählen Sie Raum oder Technik.' });
export type ResourceKind = z.infer<typeof ResourceKind>;

/** Accessibility features of a room (Barrierefreiheit), as the office records them. */
export const accessibilityFeatures = [
  'step_free',
  'lift',
  'accessible_toilet',
  'hearing_loop',
  'tactile_guidance',
  'accessible_parking',
] as const;
export const AccessibilityFeature = z.enum(accessibilityFeatures, { error: 'Unbekanntes Merkmal.' });
export type AccessibilityFeature = z.infer<typeof AccessibilityFeature>;

export const sessionKinds = ['plenary', 'workshop', 'forum', 'break'] as const;
export const SessionKind = z.enum(sessionKinds, { error: 'Bitte wählen Sie die Art des Programmpunkts.' });
export type SessionKind = z.infer<typeof SessionKind>;

/** Where the coordination with a speaker or facilitator stands. */
export const speakerStatuses = ['asked', 'confirmed', 'materials_received', 'declined'] as const;
export const SpeakerStatus = z.enum(speakerStatuses, { error: 'Unbekannter Stand der Abstimmung.' });
export type SpeakerStatus = z.infer<typeof SpeakerStatus>;

/**
 * A registration's place, for the event and for each session chosen: confirmed, on the waiting list,
 * offered a freed place (valid until `offerExpiresAt`), or cancelled (by the person, or an offer that ran
 * out or was declined).
 */
export const placeStatuses = ['confirmed', 'waiting', 'offered', 'cancelled'] as const;
export const PlaceStatus = z.enum(placeStatuses);
export type PlaceStatus = z.infer<typeof PlaceStatus>;

export const recommendationStatuses = ['draft', 'agreed', 'handed', 'withdrawn'] as const;
export const RecommendationStatus = z.enum(recommendationStatuses, {
  error: 'Unbekannter Stand der Empfehlung.',
});
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;

/** What a survey is about: an event or one of its sessions, a project, a field of action, the network. */
export const surveySubjects = ['event', 'session', 'project', 'field', 'network'] as const;
export const SurveySubject = z.enum(surveySubjects, { error: 'Unbekannter Gegenstand der Befragung.' });
export type SurveySubject = z.infer<typeof SurveySubject>;

export const questionKinds = ['likert', 'single', 'multiple', 'text'] as const;
export const QuestionKind = z.enum(questionKinds, { error: 'Unbekannte Art der Frage.' });
export type QuestionKind = z.infer<typeof QuestionKind>;

export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export const SurveyStatus = z.enum(surveyStatuses);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

/** Results are shown only for groups of at least this many answers (no small cells). */
export const MIN_CELL = 5;
