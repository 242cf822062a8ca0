export { QualityIndexPage } from './components/quality-index-page';
export { QualityPage } from './components/quality-page';
export { TraceLink } from './components/trace-link';
export { TracePage } from './components/trace-page';
