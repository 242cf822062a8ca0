export { DecisionsPage } from './components/decisions-page';
