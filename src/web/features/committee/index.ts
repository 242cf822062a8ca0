export { CommitteePage } from './components/committee-page';
