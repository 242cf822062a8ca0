export { ReplyPage } from './components/reply-page';
