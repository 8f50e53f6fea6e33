// lessons.en.js: the lessons' words in English (web/lessons/lesson-table.js lists the lessons and
// their steps). lessons.zh.js holds the same keys (tests/browser/lessons.test.mjs checks); numbers
// come in as {name} from the table's vars, formulas from web/lessons/formulas.js.
export default {
  'lessons.region': 'Lesson',
  'lessons.pick': 'Lesson',
  'lessons.stepOf': 'Step {n} of {total}',
  'lessons.back': '◀ Back',
  'lessons.next': 'Next ▶',
  'lessons.close': 'Close lessons',
  'lessons.task': 'Your turn:',
  'lessons.done': '✓ Done. On to the next step when you are ready.',
  'lessons.notYet': 'Not done yet: the page checks as you go.',
  'lessons.lastDone': '✓ Done: that was the last step of this lesson.',
  'lessons.answerNumber': 'Your reading',
  'lessons.answerLayer': 'Layer with the smallest gradient',
  'lessons.choose': 'choose…',
  'lessons.hidden': 'hidden layer {n}',
  'lessons.output': 'output layer',
  'lessons.unknown': 'There is no lesson named “{name}”; the first lesson is open instead.',
  'lessons.progress': '{done} of {total} steps done',
  'lessons.formulas': 'Formulas',

  'lesson.forward-loss.title': 'Forward pass and loss',
  'lesson.forward-loss.1.title': 'What a neuron computes',
  'lesson.forward-loss.1.body':
    'A neuron multiplies each input by the weight on its link, adds the results and its own bias, and passes that sum z through an activation function f. The network works layer by layer, from the inputs on the left to the output on the right: this is the forward pass.',
  'lesson.forward-loss.1.task':
    'Press the step button (⇥) once. The engine runs the forward pass for every training point and updates the weights after each batch.',
  'lesson.forward-loss.2.title': 'Measuring the error',
  'lesson.forward-loss.2.body':
    'The loss says how far the output a is from the label y; here it is the squared error. “Test loss” is its mean over the test points, which the network never trains on, so it tells you how well the network generalises.',
  'lesson.forward-loss.2.task': 'With only {neurons} hidden neurons, press play and bring the test loss below {loss}.',
  'lesson.forward-loss.3.title': 'Cross-entropy',
  'lesson.forward-loss.3.body':
    'For classes, cross-entropy punishes a confident wrong answer far more than the squared error does: −log a grows without limit as a heads for the wrong end. After a sigmoid output its gradient is just a − y.',
  'lesson.forward-loss.3.task': 'Open Training options, set the loss to cross-entropy, and train for {epochs} epochs.',
  'lesson.forward-loss.4.title': 'Layers and features',
  'lesson.forward-loss.4.body':
    'Every layer repeats the same recipe on the layer before it. A single hidden neuron can only draw one straight boundary, and no straight line separates the inner ring of the circle from the outer one.',
  'lesson.forward-loss.4.task':
    'Teach this network the circle: add neurons, or switch on the X₁² and X₂² inputs, until the test loss is below {loss}.',

  'lesson.chain-rule.title': 'The chain rule on a 2-3-1 network',
  'lesson.chain-rule.1.title': 'The worked example',
  'lesson.chain-rule.1.body':
    'Two inputs x = ({x}), three sigmoid neurons, one sigmoid output, the label y = {y}, and the weights of the classic textbook example. The step-through panel under the network shows every number as the engine computes it. The hidden layer first:',
  'lesson.chain-rule.1.task': 'Press “Next step” in the step-through until the output neuron shows its z and a.',
  'lesson.chain-rule.2.title': 'Where the printed numbers go wrong',
  'lesson.chain-rule.2.body':
    'The tutorial this example is taken from prints z¹ = ({z1}) and a² = {a2}. Both are wrong. Working the first neuron by hand (below) gives {z11}, not the printed value: every printed z¹ is too large by the same amount. Its z² = {z2} does not even follow from its own a¹, which give {z2own}, and σ({z2}) is {a2own}, not {a2}. The values below are the engine’s, and they agree with a float64 derivation.',
  'lesson.chain-rule.2.task': 'Read a on the output neuron in the step-through and type it here (four decimals).',
  'lesson.chain-rule.3.title': 'The loss and the output’s δ',
  'lesson.chain-rule.3.body':
    'With y = 1 the cross-entropy is −log a². Differentiated through the sigmoid it collapses to a² − y, because σ′ = a(1 − a) cancels the loss’s 1/a. This δ² is where backpropagation starts.',
  'lesson.chain-rule.3.task': 'Step on to “Backward, output”.',
  'lesson.chain-rule.4.title': 'One link, by the chain rule',
  'lesson.chain-rule.4.body':
    'The weight w on the link from hidden neuron 3 reaches z² only through the product w · a¹₃, so ∂z²/∂w = a¹₃. The chain rule multiplies the local slopes along the path:',
  'lesson.chain-rule.4.task':
    'Click the link from hidden neuron 3 to the output, read its ∂L/∂w in the panel, and type it here.',
  'lesson.chain-rule.5.title': 'Into the hidden layer',
  'lesson.chain-rule.5.body':
    'A hidden neuron’s δ gathers the δ of the neuron it feeds, weighted by the link between them, and multiplies by its own slope σ′(z) = a(1 − a). The gradient of each of its weights is that δ times the input on the link.',
  'lesson.chain-rule.5.task': 'Step on to “Backward, hidden layer 1” and compare its three δ with the output’s.',
  'lesson.chain-rule.6.title': 'The update',
  'lesson.chain-rule.6.body':
    'Gradient descent moves every weight a little against its gradient. With learning rate η = {lr} the link from hidden neuron 3 to the output changes like this:',
  'lesson.chain-rule.6.task': 'Press the step button (⇥) to apply the update to the network.',

  'lesson.gradient-descent.title': 'Gradient descent, learning rate, optimizers',
  'lesson.gradient-descent.1.title': 'Downhill in small steps',
  'lesson.gradient-descent.1.body':
    'The gradient ∇J points uphill on the loss surface; each update steps the other way, η times as far. With η = {lr0} the steps are tiny and the circle takes a very long time.',
  'lesson.gradient-descent.1.task':
    'Raise the learning rate to {lr} or more and train until the test loss is below {loss}.',
  'lesson.gradient-descent.2.title': 'Too big a step',
  'lesson.gradient-descent.2.body':
    'When η is too large a step overshoots the valley and lands higher on the far side; the next overshoots further, and the weights run off to infinity. The engine notices the loss is no longer finite, stops, and keeps the last finite weights.',
  'lesson.gradient-descent.2.task': 'Find a learning rate at which this network diverges.',
  'lesson.gradient-descent.3.title': 'Momentum',
  'lesson.gradient-descent.3.body':
    'Momentum keeps a running sum v of past gradients, so steps gather speed in a direction that stays the same and zigzags across a narrow valley cancel out. μ (the momentum setting) is the share of the old velocity kept at each step.',
  'lesson.gradient-descent.3.task': 'In Training options pick Momentum (or Nesterov) and train for {epochs} epochs.',
  'lesson.gradient-descent.4.title': 'Adam',
  'lesson.gradient-descent.4.body':
    'Adam keeps two running averages for every weight: of the gradient (m) and of its square (v). Dividing by √v gives each weight its own step size; dividing by 1 − βᵗ corrects for both averages starting at zero.',
  'lesson.gradient-descent.4.task': 'Pick Adam and train for {epochs} epochs.',
  'lesson.gradient-descent.5.title': 'A race',
  'lesson.gradient-descent.5.body':
    'A race trains variants side by side on the same data from the same initial weights, so the optimizer is the only difference. Their test losses share one chart in the “Compare and sweep” panel.',
  'lesson.gradient-descent.5.task':
    'In “Compare and sweep”, race the optimizers sgd and adam, then play until epoch {epochs}.',

  'lesson.activations.title': 'Activations and vanishing gradients',
  'lesson.activations.1.title': 'Why not linear?',
  'lesson.activations.1.body':
    'Without a nonlinear activation, layers collapse into one: a matrix times a matrix is just another matrix, so however deep the network, its boundary stays a straight line. A circle needs a curve.',
  'lesson.activations.1.task': 'Choose a nonlinear activation and bring the test loss below {loss}.',
  'lesson.activations.2.title': 'The sigmoid’s slope',
  'lesson.activations.2.body':
    'Backpropagation multiplies by f′(z) at every layer it passes. The sigmoid’s slope is at most 1/4, at z = 0, and close to zero wherever |z| is large.',
  'lesson.activations.2.task':
    'With the + button above the network, add hidden layers until there are {layers} sigmoid layers.',
  'lesson.activations.3.title': 'Vanishing gradients',
  'lesson.activations.3.body':
    'The gradient that reaches the first layer is a product with one factor per layer above it. With the sigmoid each factor is at most 1/4 times a weight, so the product shrinks layer after layer. The “Gradients” chart shows ‖∂L/∂W‖ of each layer on a log scale.',
  'lesson.activations.3.task': 'Which layer gets the smallest gradient? Pick it here.',
  'lesson.activations.4.title': 'Other activations, and exploding gradients',
  'lesson.activations.4.body':
    'tanh and ReLU have slope 1 where they are steepest, so the product need not shrink fourfold per layer. The same product can also grow: when the factors exceed 1, gradients explode and training diverges, as in the learning-rate lesson.',
  'lesson.activations.4.task':
    'Switch the activation to tanh or ReLU: the first layer’s gradient should come within a factor of {ratio} of the output layer’s.',

  'lesson.initialization.title': 'Initialization',
  'lesson.initialization.1.title': 'All zeros',
  'lesson.initialization.1.body':
    'If every weight starts at 0, every hidden neuron computes the same value and gets the same gradient, so they stay identical for ever. With tanh they even output 0, which makes their weights’ gradients 0 too. Training needs the symmetry broken from the start.',
  'lesson.initialization.1.task':
    'Every weight of this network starts at zero. Play for {epochs} epochs and watch the loss stay put.',
  'lesson.initialization.2.title': 'Small random weights',
  'lesson.initialization.2.body':
    'TensorFlow Playground draws each weight uniformly between −0.5 and 0.5 and sets each bias to 0.1. Different starting weights let the neurons grow into different features.',
  'lesson.initialization.2.task': 'Train this randomly started network until the test loss is below {loss}.',
  'lesson.initialization.3.title': 'Xavier',
  'lesson.initialization.3.body':
    'In a deep network the signal should keep roughly the same spread from layer to layer. Xavier (Glorot) initialization sets the weights’ variance from the number of links into and out of the layer, which suits tanh.',
  'lesson.initialization.3.task': 'In Training options set the initialization to Xavier and train for {epochs} epochs.',
  'lesson.initialization.4.title': 'He',
  'lesson.initialization.4.body':
    'ReLU sets about half of its inputs to zero, halving the variance at each layer. He initialization doubles the weights’ variance to make up for that.',
  'lesson.initialization.4.task': 'Set the initialization to He for this ReLU network and train for {epochs} epochs.',

  'lesson.regularization.title': 'Overfitting and regularization',
  'lesson.regularization.1.title': 'Overfitting',
  'lesson.regularization.1.body':
    'Give a large network a few noisy training points and it learns the noise by heart: the training loss keeps falling while the test loss stalls or climbs. The gap between the two measures the overfitting.',
  'lesson.regularization.1.task': 'Play until the training loss is less than half the test loss.',
  'lesson.regularization.2.title': 'L2: weight decay',
  'lesson.regularization.2.body':
    'L2 regularization adds λ/2 times the sum of the squared weights to the loss, so every update also shrinks each weight in proportion to its size. Smaller weights draw a smoother boundary.',
  'lesson.regularization.2.task': 'Set regularization to L2 with a rate above 0 and train for {epochs} epochs.',
  'lesson.regularization.3.title': 'L1: sparse weights',
  'lesson.regularization.3.body':
    'L1 adds λ times the sum of |w|. It pulls every weight toward zero by the same amount, so small weights reach exactly zero and stay there: the network keeps only the links it needs.',
  'lesson.regularization.3.task':
    'Set regularization to L1 (try rate {rate}) and train until at least {share}% of the weights are exactly 0.',
  'lesson.regularization.4.title': 'Dropout',
  'lesson.regularization.4.body':
    'Dropout switches each hidden neuron off with probability p at every training step and scales the others by 1/(1 − p), so no neuron can lean on one particular partner. Testing uses every neuron.',
  'lesson.regularization.4.task': 'In Training options set dropout above 0 and train for {epochs} epochs.',
};
