export { WellbeingPagesModule } from './wellbeing-pages.module';
