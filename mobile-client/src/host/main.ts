// The host console's entry: mounts the console UI.
import { createApp, h } from 'vue';

createApp({ render: () => h('main', [h('h1', 'Drawcast host console')]) }).mount('#app');
