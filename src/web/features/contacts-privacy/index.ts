export { PrivacySection } from './components/privacy-section';
export { RetentionPage } from './components/retention-page';
export { WithdrawalPage } from './components/withdrawal-page';
