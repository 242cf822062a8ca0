export { PreparationPage } from './components/preparation-page';
export { ReplyPage } from './components/reply-page';
