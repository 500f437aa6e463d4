// The audience app's entry: mounts the phone UI.
import { createApp, h } from 'vue';

createApp({ render: () => h('main', [h('h1', 'Drawcast')]) }).mount('#app');
