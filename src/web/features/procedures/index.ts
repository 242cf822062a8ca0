export { ProcedurePage } from './components/procedure-page';
export { ProceduresPage } from './components/procedures-page';
export { VotePage } from './components/vote-page';
