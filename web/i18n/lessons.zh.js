// lessons.zh.js: the lessons' words in Simplified Chinese; the same keys as lessons.en.js
// (tests/browser/lessons.test.mjs checks). Numbers come in as {name} from the lesson table's vars.
export default {
  'lessons.region': '课程',
  'lessons.pick': '课程',
  'lessons.stepOf': '第 {n} 步，共 {total} 步',
  'lessons.back': '◀ 上一步',
  'lessons.next': '下一步 ▶',
  'lessons.close': '关闭课程',
  'lessons.task': '动手试试：',
  'lessons.done': '✓ 完成。准备好了就进入下一步。',
  'lessons.notYet': '还没完成：页面会随时检查。',
  'lessons.lastDone': '✓ 完成：这是本课的最后一步。',
  'lessons.answerNumber': '你读到的数值',
  'lessons.answerLayer': '梯度最小的层',
  'lessons.choose': '请选择…',
  'lessons.hidden': '隐藏层 {n}',
  'lessons.output': '输出层',
  'lessons.unknown': '没有名为“{name}”的课程，已打开第一课。',
  'lessons.progress': '已完成 {done}/{total} 步',
  'lessons.formulas': '公式',

  'lesson.forward-loss.title': '前向传播与损失',
  'lesson.forward-loss.1.title': '一个神经元在算什么',
  'lesson.forward-loss.1.body':
    '神经元把每个输入乘以连线上的权重，相加后再加上自己的偏置，得到 z，然后把 z 送进激活函数 f。网络从左边的输入到右边的输出逐层这样计算，这就是前向传播。',
  'lesson.forward-loss.1.task': '按一次单步按钮（⇥）。引擎会对每个训练点做前向传播，并在每个批次之后更新权重。',
  'lesson.forward-loss.2.title': '衡量误差',
  'lesson.forward-loss.2.body':
    '损失衡量输出 a 离标签 y 有多远，这里用的是平方误差。“测试损失”是它在测试点上的平均值；网络从不在测试点上训练，所以它反映的是泛化能力。',
  'lesson.forward-loss.2.task': '只用 {neurons} 个隐藏神经元，按播放，把测试损失降到 {loss} 以下。',
  'lesson.forward-loss.3.title': '交叉熵',
  'lesson.forward-loss.3.body':
    '做分类时，交叉熵对“自信却答错”的惩罚比平方误差重得多：a 越接近错误的一端，−log a 就越大，没有上限。输出层用 sigmoid 时，它的梯度正好是 a − y。',
  'lesson.forward-loss.3.task': '打开“训练选项”，把损失函数设为交叉熵，训练 {epochs} 轮。',
  'lesson.forward-loss.4.title': '多层与特征',
  'lesson.forward-loss.4.body':
    '每一层都对前一层的输出重复同样的计算。只有一个隐藏神经元时，网络只能画出一条直线边界，而任何直线都分不开圆形数据的内圈和外圈。',
  'lesson.forward-loss.4.task': '让这个网络学会圆形数据：增加神经元，或打开 X₁² 和 X₂² 输入，直到测试损失低于 {loss}。',

  'lesson.chain-rule.title': '链式法则：2-3-1 网络',
  'lesson.chain-rule.1.title': '手算示例',
  'lesson.chain-rule.1.body':
    '两个输入 x = ({x})，三个 sigmoid 隐藏神经元，一个 sigmoid 输出，标签 y = {y}，权重取自经典教程中的例子。网络下方的单步面板会显示引擎算出的每一个数。先看隐藏层：',
  'lesson.chain-rule.1.task': '在单步面板中点“下一步”，直到输出神经元显示出它的 z 和 a。',
  'lesson.chain-rule.2.title': '教程里印错的数字',
  'lesson.chain-rule.2.body':
    '这个例子出自的教程写着 z¹ = ({z1})、a² = {a2}，两处都错了。下面手算第一个神经元，得到 {z11}，而不是印出来的值：印出的每个 z¹ 都多了同样的一截。它的 z² = {z2} 甚至和它自己的 a¹ 对不上，按那组 a¹ 算应为 {z2own}；而 σ({z2}) 也是 {a2own}，不是 {a2}。下面是引擎算出的正确值，与 float64 推导一致。',
  'lesson.chain-rule.2.task': '在单步面板中读出输出神经元的 a，填在这里（保留四位小数）。',
  'lesson.chain-rule.3.title': '损失与输出层的 δ',
  'lesson.chain-rule.3.body':
    'y = 1 时交叉熵就是 −log a²。把它对 z² 求导，sigmoid 的导数 σ′ = a(1 − a) 恰好与损失的 1/a 抵消，结果只剩 a² − y。这个 δ² 就是反向传播的起点。',
  'lesson.chain-rule.3.task': '继续单步，走到“反向传播，输出层”。',
  'lesson.chain-rule.4.title': '用链式法则算一条连线',
  'lesson.chain-rule.4.body':
    '从隐藏神经元 3 出发的连线权重 w 只通过乘积 w · a¹₃ 影响 z²，所以 ∂z²/∂w = a¹₃。链式法则把沿途的局部斜率相乘：',
  'lesson.chain-rule.4.task': '点击从隐藏神经元 3 到输出的连线，在面板中读出它的 ∂L/∂w，填在这里。',
  'lesson.chain-rule.5.title': '传回隐藏层',
  'lesson.chain-rule.5.body':
    '隐藏神经元的 δ 收集它所连接的下一个神经元的 δ（乘以两者之间的权重），再乘以自己的斜率 σ′(z) = a(1 − a)。它每个权重的梯度就是这个 δ 乘以该连线上的输入。',
  'lesson.chain-rule.5.task': '继续单步，走到“反向传播，第 1 个隐藏层”，把三个 δ 和输出层的 δ 比较一下。',
  'lesson.chain-rule.6.title': '更新权重',
  'lesson.chain-rule.6.body':
    '梯度下降让每个权重沿梯度的反方向移动一小步。学习率 η = {lr} 时，隐藏神经元 3 到输出的连线这样变化：',
  'lesson.chain-rule.6.task': '按单步按钮（⇥），把这次更新真正作用到网络上。',

  'lesson.gradient-descent.title': '梯度下降、学习率与优化器',
  'lesson.gradient-descent.1.title': '一小步一小步地下山',
  'lesson.gradient-descent.1.body':
    '梯度 ∇J 指向损失曲面的上坡方向，每次更新都朝反方向走，步长是它的 η 倍。η = {lr0} 时步子太小，圆形数据要学很久。',
  'lesson.gradient-descent.1.task': '把学习率提高到 {lr} 或更大，训练到测试损失低于 {loss}。',
  'lesson.gradient-descent.2.title': '步子太大',
  'lesson.gradient-descent.2.body':
    'η 太大时，一步会越过谷底，落在对面更高的地方；下一步越得更远，权重一路冲向无穷大。引擎发现损失不再是有限数时会停下，并保留最后一组有限的权重。',
  'lesson.gradient-descent.2.task': '找一个让这个网络发散的学习率。',
  'lesson.gradient-descent.3.title': '动量',
  'lesson.gradient-descent.3.body':
    '动量法保存过去梯度的累积 v：方向一致时步子越走越快，在狭窄山谷里来回的锯齿则互相抵消。μ（动量参数）是每一步保留下来的旧速度的比例。',
  'lesson.gradient-descent.3.task': '在“训练选项”中选择 Momentum（或 Nesterov），训练 {epochs} 轮。',
  'lesson.gradient-descent.4.title': 'Adam',
  'lesson.gradient-descent.4.body':
    'Adam 为每个权重维护两个滑动平均：梯度的 m 和梯度平方的 v。除以 √v 让每个权重有自己的步长；除以 1 − βᵗ 则修正两个平均值从零开始带来的偏差。',
  'lesson.gradient-descent.4.task': '选择 Adam，训练 {epochs} 轮。',
  'lesson.gradient-descent.5.title': '比一比',
  'lesson.gradient-descent.5.body':
    '“比赛”让几个变体在同样的数据上、从同样的初始权重并排训练，唯一的差别就是优化器。它们的测试损失画在“比较与扫描”面板的同一张图上。',
  'lesson.gradient-descent.5.task': '在“比较与扫描”中让优化器 sgd 和 adam 比赛，然后播放到第 {epochs} 轮。',

  'lesson.activations.title': '激活函数与梯度消失',
  'lesson.activations.1.title': '为什么不能全是线性？',
  'lesson.activations.1.body':
    '没有非线性激活，多层就会合并成一层：矩阵乘矩阵还是一个矩阵，所以网络再深，边界也只是一条直线。圆形数据需要弯曲的边界。',
  'lesson.activations.1.task': '选一个非线性激活函数，把测试损失降到 {loss} 以下。',
  'lesson.activations.2.title': 'sigmoid 的斜率',
  'lesson.activations.2.body':
    '反向传播每经过一层都要乘以 f′(z)。sigmoid 的斜率最大只有 1/4（在 z = 0 处），|z| 一大就几乎为零。',
  'lesson.activations.2.task': '用网络上方的 + 按钮增加隐藏层，直到有 {layers} 个 sigmoid 层。',
  'lesson.activations.3.title': '梯度消失',
  'lesson.activations.3.body':
    '传到第一层的梯度是一个连乘积，上面每一层贡献一个因子。用 sigmoid 时每个因子最多是权重的 1/4，于是乘积一层比一层小。“梯度”图以对数刻度显示每层的 ‖∂L/∂W‖。',
  'lesson.activations.3.task': '哪一层的梯度最小？在这里选出来。',
  'lesson.activations.4.title': '换个激活函数，以及梯度爆炸',
  'lesson.activations.4.body':
    'tanh 和 ReLU 在最陡处的斜率是 1，乘积不必每层缩小四倍。同样的连乘也可能变大：因子大于 1 时梯度会爆炸，训练发散，就像学习率那一课看到的那样。',
  'lesson.activations.4.task': '把激活函数换成 tanh 或 ReLU：第一层的梯度应当与输出层相差不到 {ratio} 倍。',

  'lesson.initialization.title': '初始化',
  'lesson.initialization.1.title': '全部为零',
  'lesson.initialization.1.body':
    '如果所有权重都从 0 开始，每个隐藏神经元算出的值相同、得到的梯度也相同，于是永远一模一样。用 tanh 时它们的输出甚至都是 0，连权重的梯度也是 0。训练必须一开始就打破这种对称。',
  'lesson.initialization.1.task': '这个网络的所有权重都从零开始。播放 {epochs} 轮，看看损失纹丝不动。',
  'lesson.initialization.2.title': '小的随机权重',
  'lesson.initialization.2.body':
    'TensorFlow Playground 让每个权重在 −0.5 到 0.5 之间均匀随机取值，偏置都设为 0.1。起点不同，神经元才能各自学到不同的特征。',
  'lesson.initialization.2.task': '训练这个随机初始化的网络，直到测试损失低于 {loss}。',
  'lesson.initialization.3.title': 'Xavier 初始化',
  'lesson.initialization.3.body':
    '在深层网络中，信号的幅度最好逐层大致不变。Xavier（Glorot）初始化按一层的输入和输出连线数来设定权重的方差，适合 tanh。',
  'lesson.initialization.3.task': '在“训练选项”中把初始化设为 Xavier，训练 {epochs} 轮。',
  'lesson.initialization.4.title': 'He 初始化',
  'lesson.initialization.4.body': 'ReLU 平均会把一半输入变成零，每过一层方差就减半。He 初始化把权重方差加倍来弥补。',
  'lesson.initialization.4.task': '为这个 ReLU 网络把初始化设为 He，训练 {epochs} 轮。',

  'lesson.regularization.title': '过拟合与正则化',
  'lesson.regularization.1.title': '过拟合',
  'lesson.regularization.1.body':
    '给一个大网络很少、而且带噪声的训练点，它就会把噪声也背下来：训练损失一路下降，测试损失却停滞甚至上升。两者之间的差距就是过拟合的程度。',
  'lesson.regularization.1.task': '播放，直到训练损失不到测试损失的一半。',
  'lesson.regularization.2.title': 'L2：权重衰减',
  'lesson.regularization.2.body':
    'L2 正则化在损失上加上 λ/2 乘以所有权重的平方和，于是每次更新还会让每个权重按自身大小成比例地缩小。权重越小，边界越平滑。',
  'lesson.regularization.2.task': '把正则化设为 L2、正则化率大于 0，训练 {epochs} 轮。',
  'lesson.regularization.3.title': 'L1：稀疏的权重',
  'lesson.regularization.3.body':
    'L1 加上的是 λ 乘以所有 |w| 之和。它对每个权重的拉力都一样大，所以小权重会恰好变成零并停在那里：网络只留下真正需要的连线。',
  'lesson.regularization.3.task': '把正则化设为 L1（正则化率可试 {rate}），训练到至少 {share}% 的权重恰好为 0。',
  'lesson.regularization.4.title': 'Dropout',
  'lesson.regularization.4.body':
    'Dropout 在每个训练步以概率 p 关掉每个隐藏神经元，并把留下的放大为 1/(1 − p) 倍，让任何神经元都没法依赖某个固定的搭档。测试时所有神经元都参与。',
  'lesson.regularization.4.task': '在“训练选项”中把 dropout 设为大于 0，训练 {epochs} 轮。',
};
