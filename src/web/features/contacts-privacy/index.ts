export { PrivacySection } from './components/privacy-section';
export { RetentionPage } from './components/retention-page';
