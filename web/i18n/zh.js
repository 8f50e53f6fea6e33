// zh.js: the page's strings in Simplified Chinese, key for key as en.js (which says how keys are
// grouped), in the same two files: page.zh.js and panels.zh.js. Loaded by dynamic import only when
// Chinese is chosen (page-lang.js), so it is a chunk of its own. Terms used throughout: 学习率
// (learning rate), 激活函数 (activation), 正则化 (regularization), 批大小 (batch size), 隐藏层
// (hidden layer), 神经元 (neuron), 损失 (loss), 训练/测试 (training/test), 轮 (epoch), 权重
// (weight), 偏置 (bias), 梯度 (gradient).
import page from './page.zh.js';
import panels from './panels.zh.js';

export default { ...page, ...panels };
