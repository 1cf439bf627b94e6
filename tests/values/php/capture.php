<?php
// Writes what PHP's own serialize() and session encoder produce, once, by hand (CI never runs PHP):
//   php capture.php     (PHP 8.2, Debian's php8.2-cli)
// Each file holds one value exactly as PHP wrote it.
enum Suit: string { case Hearts = 'H'; case Spades = 'S'; }
class Progress {
    public $batch = 123;
    protected $done = 40;
    private $total = 100;
    public $tags = ['<b>bold</b>', "h\u{e9}llo"];
}
$shared = ['x' => 1];
$values = [
    'cache-array' => ['status' => 'running', 'progress' => 42, 'ratio' => 0.5, 'ok' => true, 'none' => null,
                      7 => 'seven', 'nested' => ['a', 'b']],
    'object' => new Progress(),
    'binary' => ['blob' => "\x00\x01\xff\xfe"],
    'enum' => ['suit' => Suit::Hearts],
    'references' => [&$shared, &$shared],
    'floats' => [INF, -INF, 1.0e-10, -0.0],
];
foreach ($values as $name => $value)
    file_put_contents("$name.ser", serialize($value));
session_start();
$_SESSION['user_id'] = 5;
$_SESSION['cart'] = ['sku-1' => 2];
$_SESSION['flash'] = 'Saved <b>ok</b>';
file_put_contents('session.ser', session_encode());
