export { CheckInPage } from './components/checkin-page';
