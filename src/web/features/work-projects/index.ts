export { ProjectPage } from './components/project-page';
export { ProjectsPage } from './components/projects-page';
