export { RetentionPage } from './components/retention-page';
export { PrivacySection } from './components/privacy-section';
