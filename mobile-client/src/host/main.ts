// The host console's entry: vue-i18n, the styles, and the shell (sign-in, events, rounds, desk…).
import { createApp } from 'vue';
import App from './App.vue';
import { createConsoleI18n } from './i18n';
import './styles.css';

createApp(App).use(createConsoleI18n()).mount('#app');
