import { run } from './main.js';
import { keepHeapSmall } from './util/heap.js';

keepHeapSmall();
await run();
