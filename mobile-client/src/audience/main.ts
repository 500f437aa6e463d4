// The audience app's entry: i18n first (the first paint is in the phone's language), then the app.
import { createApp } from 'vue';
import { createAppI18n } from '../common/i18n';
import App from './App.vue';
import './style.css';

createApp(App).use(createAppI18n()).mount('#app');
