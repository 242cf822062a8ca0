export { ListPage } from './components/list-page';
export { ListsPage } from './components/lists-page';
