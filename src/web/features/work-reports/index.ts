export { ReportsCard } from './components/reports-card';
