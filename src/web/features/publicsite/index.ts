export { PublicHome } from './components/public-home';
export { PublicLayout } from './components/public-layout';
export { PublicNetworkPage } from './components/public-network-page';
export { PublicTextPage } from './components/public-text-page';
