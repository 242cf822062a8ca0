export { reportsKey } from './api';
export { OfficeReportOffer } from './components/office-report-offer';
export { ReportsCard } from './components/reports-card';
