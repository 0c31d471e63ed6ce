package dev.backprop.engine.optim;

import static dev.backprop.engine.optim.SGDTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AdamW, RMSprop and Adagrad on float32 parameters p0 = [1, -2, 0.5, 0.25] over four steps with the gradients
 * {@link #GRADS} set directly, against PyTorch 1.13's parameters after each step (OptimizersTest.py beside this
 * file prints them), bit for bit; and their constructors' ValueErrors.
 */
class OptimizersTest {
    private static final float[][] GRADS = {{0.1f, -0.2f, 3.0f, 0.0f}, {0.05f, 0.4f, -0.001f, 0.0f}, {-0.3f, 0.2f, 0.0f, 1e-3f},
        {0.7f, -0.01f, 0.5f, -2.0f}};

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("AdamW()", (Function<List<Tensor>, Optimizer>) p -> new AdamW(p), 2, new double[][] {
                    {0.998989999294281, -1.998979926109314, 0.49899500608444214, 0.24999749660491943},
                    {0.9980478286743164, -1.9993259906768799, 0.49832019209861755, 0.24999499320983887},
                    {0.9983850121498108, -1.9998252391815186, 0.4977974593639374, 0.24935369193553925},
                    {0.9979646801948547, -2.000218629837036, 0.49727848172187805, 0.24993205070495605}}),
                Arguments.of("AdamW(lr=0.1, weight_decay=0.1)", (Function<List<Tensor>, Optimizer>) p -> new AdamW(p, 0.1, 0.9, 0.999, 1e-8, 0.1, false, false), 2, new double[][] {
                    {0.8899999856948853, -1.8799999952316284, 0.39500001072883606, 0.2475000023841858},
                    {0.7878820300102234, -1.8978103399276733, 0.32406899333000183, 0.24502500891685486},
                    {0.8147255182266235, -1.9307563304901123, 0.26905179023742676, 0.17869451642036438},
                    {0.7655490636825562, -1.952785849571228, 0.21496020257472992, 0.23499424755573273}}),
                Arguments.of("AdamW(lr=0.1, weight_decay=0)", (Function<List<Tensor>, Optimizer>) p -> new AdamW(p, 0.1, 0.9, 0.999, 1e-8, 0, false, false), 2, new double[][] {
                    {0.8999999761581421, -1.899999976158142, 0.4000000059604645, 0.25},
                    {0.8067820072174072, -1.9366103410720825, 0.3330189883708954, 0.25},
                    {0.8415043354034424, -1.9885344505310059, 0.2812424898147583, 0.18611975014209747},
                    {0.8004751205444336, -2.0298714637756348, 0.2298414260149002, 0.24420642852783203}}),
                Arguments.of("AdamW(lr=0.1, amsgrad=True)", (Function<List<Tensor>, Optimizer>) p -> new AdamW(p, 0.1, 0.9, 0.999, 1e-8, 1e-2, true, false), 2, new double[][] {
                    {0.8990000486373901, -1.8980000019073486, 0.3995000123977661, 0.24975000321865082},
                    {0.8048830628395081, -1.932712435722351, 0.33215299248695374, 0.24950025975704193},
                    {0.8388004899024963, -1.9827038049697876, 0.2800961136817932, 0.1853705197572708},
                    {0.7969324588775635, -2.0220460891723633, 0.22841496765613556, 0.2432718276977539}}),
                Arguments.of("AdamW(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.5, amsgrad=True, maximize=True)", (Function<List<Tensor>, Optimizer>) p -> new AdamW(p, 0.1, 0.8, 0.99, 1e-6, 0.5, true, true), 2, new double[][] {
                    {1.0499989986419678, -1.9999995231628418, 0.574999988079071, 0.23749999701976776},
                    {1.088990569114685, -1.8578993082046509, 0.6089204549789429, 0.22562499344348907},
                    {0.9912534952163696, -1.708203673362732, 0.6236594319343567, 0.2848532795906067},
                    {0.9891942739486694, -1.5809115171432495, 0.6380983591079712, 0.20339354872703552}}),
                Arguments.of("RMSprop()", (Function<List<Tensor>, Optimizer>) p -> new RMSprop(p), 1, new double[][] {
                    {0.9000000953674316, -1.9000000953674316, 0.4000000059604645, 0.25},
                    {0.8550988435745239, -1.9895323514938354, 0.40003350377082825, 0.25},
                    {0.9489056468009949, -2.030562400817871, 0.40003350377082825, 0.15000998973846436},
                    {0.8578700423240662, -2.028501033782959, 0.38335078954696655, 0.2500099539756775}}),
                Arguments.of("RMSprop(lr=0.1, alpha=0.9, eps=1e-6)", (Function<List<Tensor>, Optimizer>) p -> new RMSprop(p, 0.1, 0.9, 1e-6, 0, 0, false, false), 1, new double[][] {
                    {0.6837822198867798, -1.6837772130966187, 0.18377256393432617, 0.25},
                    {0.536344587802887, -1.9694894552230835, 0.1838836818933487, 0.25},
                    {0.8358179330825806, -2.105445384979248, 0.1838836818933487, -0.06523090600967407},
                    {0.5452388525009155, -2.0982816219329834, 0.12329883873462677, 0.25099632143974304}}),
                Arguments.of("RMSprop(lr=0.1, centered=True)", (Function<List<Tensor>, Optimizer>) p -> new RMSprop(p, 0.1, 0.99, 1e-8, 0, 0, true, false), 1, new double[][] {
                    {-0.005036830902099609, -0.9949625730514526, -0.5050379037857056, 0.25},
                    {-0.458124041557312, -1.8912019729614258, -0.5047011971473694, 0.25},
                    {0.4810119867324829, -2.302891731262207, -0.5047011971473694, -0.7549368143081665},
                    {-0.4316735863685608, -2.282212018966675, -0.6726186871528625, 0.2500957250595093}}),
                Arguments.of("RMSprop(lr=0.1, momentum=0.9)", (Function<List<Tensor>, Optimizer>) p -> new RMSprop(p, 0.1, 0.99, 1e-8, 0, 0.9, false, false), 1, new double[][] {
                    {9.387731552124023e-07, -1.0000003576278687, -0.5000001192092896, 0.25},
                    {-1.3490110635757446, -0.9953234195709229, -1.3996652364730835, 0.25},
                    {-1.6250540018081665, -1.4014155864715576, -2.2093639373779297, -0.7499000430107117},
                    {-2.783848524093628, -1.7462844848632812, -3.104919910430908, -0.6498103141784668}}),
                Arguments.of("RMSprop(lr=0.1, weight_decay=0.1, momentum=0.5, centered=True, maximize=True)", (Function<List<Tensor>, Optimizer>) p -> new RMSprop(p, 0.1, 0.99, 1e-8, 0.1, 0.5, true, true), 1, new double[][] {
                    {1.0, -2.0, 1.5050379037857056, -0.7550337910652161},
                    {-0.005035892128944397, -0.9949623942375183, 1.9557791948318481, -0.3058265149593353},
                    {-1.5006194114685059, -0.03996560350060463, 2.1141674518585205, 0.2913229465484619},
                    {-1.3046613931655884, 0.42841944098472595, 2.2922937870025635, -0.4138599932193756}}),
                Arguments.of("Adagrad()", (Function<List<Tensor>, Optimizer>) p -> new Adagrad(p), 1, new double[][] {
                    {0.9900000095367432, -1.9900000095367432, 0.49000000953674316, 0.25},
                    {0.9855278730392456, -1.9989442825317383, 0.4900033473968506, 0.25},
                    {0.9948983192443848, -2.0030267238616943, 0.4900033473968506, 0.23999999463558197},
                    {0.9858043193817139, -2.0028226375579834, 0.48835936188697815, 0.25}}),
                Arguments.of("Adagrad(lr=0.1, lr_decay=0.1)", (Function<List<Tensor>, Optimizer>) p -> new Adagrad(p, 0.1, 0.1, 0, 0, 1e-10, false), 1, new double[][] {
                    {0.8999999761581421, -1.899999976158142, 0.4000000059604645, 0.25},
                    {0.8593441843986511, -1.981311559677124, 0.40003031492233276, 0.25},
                    {0.9374310970306396, -2.0153322219848633, 0.40003031492233276, 0.1666666716337204},
                    {0.8674774169921875, -2.0137624740600586, 0.38738423585891724, 0.24358974397182465}}),
                Arguments.of("Adagrad(lr=0.1, weight_decay=0.1)", (Function<List<Tensor>, Optimizer>) p -> new Adagrad(p, 0.1, 0, 0.1, 0, 1e-10, false), 1, new double[][] {
                    {0.8999999761581421, -1.899999976158142, 0.4000000059604645, 0.14999999105930328},
                    {0.842653751373291, -1.9464833736419678, 0.3987214267253876, 0.09855040907859802},
                    {0.9088719487190247, -1.9476678371429443, 0.39741435647010803, 0.06365795433521271},
                    {0.8164096474647522, -1.9063876867294312, 0.3799915015697479, 0.16364577412605286}}),
                Arguments.of("Adagrad(lr=0.1, initial_accumulator_value=0.5, eps=1e-6)", (Function<List<Tensor>, Optimizer>) p -> new Adagrad(p, 0.1, 0, 0, 0.5, 1e-6, false), 1, new double[][] {
                    {0.985997200012207, -1.9727834463119507, 0.40266716480255127, 0.25},
                    {0.9790129065513611, -2.020592451095581, 0.40269961953163147, 0.25},
                    {1.0176622867584229, -2.04384183883667, 0.40269961953163147, 0.2498585730791092},
                    {0.950691282749176, -2.04267954826355, 0.3866868019104004, 0.34413942694664}}),
                Arguments.of("Adagrad(lr=0.1, lr_decay=0.5, weight_decay=0.2, initial_accumulator_value=0.1, maximize=True)", (Function<List<Tensor>, Optimizer>) p -> new Adagrad(p, 0.1, 0.5, 0.2, 0.1, 1e-10, true), 1, new double[][] {
                    {0.9698488712310791, -1.9465477466583252, 0.5994107127189636, 0.23438262939453125},
                    {0.9433029890060425, -1.886306881904602, 0.5966505408287048, 0.2247244268655777},
                    {0.903109073638916, -1.8587398529052734, 0.594608724117279, 0.2179955691099167},
                    {0.9290928244590759, -1.845677375793457, 0.5997813940048218, 0.17849662899971008}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, Function<List<Tensor>, Optimizer> make, int versionsPerStep, double[][] expected) {
        Tensor p = Tensor.of(new float[] {1f, -2f, 0.5f, 0.25f}, 4).requiresGrad_(true);
        Optimizer opt = make.apply(List.of(p));
        for (int s = 0; s < GRADS.length; s++) {
            p.setGrad(Tensor.of(GRADS[s].clone(), 4));
            int version = p.version();
            opt.step();
            assertThat(p.version()).isEqualTo(version + versionsPerStep);
            float[] actual = p.toFloatArray();
            for (int i = 0; i < actual.length; i++) {
                float want = (float) expected[s][i];
                assertThat(actual[i]).as("step %d, element %d", s + 1, i).isEqualTo(want);
            }
        }
    }

    @Test
    void refusesWhatPyTorchRefuses() {
        List<Tensor> params = List.of(Tensor.of(new float[] {0f}, 1).requiresGrad_(true));
        assertInvalid(() -> new AdamW(params, -1.0, 0.9, 0.999, 1e-8, 1e-2, false, false), "Invalid learning rate: -1.0");
        assertInvalid(() -> new AdamW(params, 1e-3, 1.0, 0.999, 1e-8, 1e-2, false, false), "Invalid beta parameter at index 0: 1.0");
        assertInvalid(() -> new AdamW(params, 1e-3, 0.9, 0.999, 1e-8, -0.1, false, false), "Invalid weight_decay value: -0.1");
        assertInvalid(() -> new RMSprop(params, 1e-2, -0.5, 1e-8, 0, 0, false, false), "Invalid alpha value: -0.5");
        assertInvalid(() -> new RMSprop(params, 1e-2, 0.99, 1e-8, 0, -1.0, false, false), "Invalid momentum value: -1.0");
        assertInvalid(() -> new RMSprop(params, 1e-2, 0.99, -1e-8, 0, 0, false, false), "Invalid epsilon value: -1e-08");
        assertInvalid(() -> new Adagrad(params, 1e-2, -0.1, 0, 0, 1e-10, false), "Invalid lr_decay value: -0.1");
        assertInvalid(() -> new Adagrad(params, 1e-2, 0, 0, -1.0, 1e-10, false), "Invalid initial_accumulator_value value: -1.0");
        assertInvalid(() -> new Adagrad(params, 1e-2, 0, 0, 0, -1e-10, false), "Invalid epsilon value: -1e-10");
    }
}
