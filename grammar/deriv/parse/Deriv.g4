// deriv's plain expression language. No actions: AstBuilder turns the tree into deriv.expr records.
grammar Deriv;

program
    : sep* (statement (sep+ statement)*)? sep* EOF
    ;

sep
    : NEWLINE
    | SEMI
    ;

statement
    : name=ID LPAREN params+=ID (COMMA params+=ID)* RPAREN DEFINE expr   # functionDefinition
    | name=ID DEFINE expr                                                # intermediateDefinition
    | expr                                                               # expressionStatement
    ;

// One rule per precedence level, loosest first, with loops instead of left recursion: every
// decision is LL(1), so parsing is fast and a long sum does not make a deep tree.
// Implicit multiplication (2x, 3(x+1), 2 sin(x)) is a '*' that Parsing inserts after a number;
// Parsing also drops newlines inside parentheses, so a parenthesised expression may span lines.
expr
    : terms+=term (ops+=(PLUS | MINUS) terms+=term)*
    ;

term
    : factors+=signed (ops+=(STAR | SLASH) factors+=signed)*
    ;

// a sign applies to a whole power: -2^2 is -(2^2) = -4
signed
    : op=(MINUS | PLUS) signed                           # sign
    | power                                              # unsigned
    ;

// '^' is right-associative (2^3^2 = 2^9) and its exponent may carry a sign (2^-x)
power
    : base=atom (CARET exponent=signed)?
    ;

atom
    : NUMBER                                             # number
    | ID LPAREN (argument (COMMA argument)*)? RPAREN     # call
    | ID                                                 # name
    | LPAREN expr RPAREN                                 # parens
    ;

// comparisons are arguments of if(...) only; AstBuilder says so where one appears elsewhere
argument
    : expr (rel=(LT | LE | GT | GE) expr)?
    ;

NUMBER  : DIGIT+ ('.' DIGIT+)? EXPONENT? | '.' DIGIT+ EXPONENT? ;
fragment EXPONENT : [eE] [+\-]? DIGIT+ ;
fragment DIGIT : [0-9] ;

ID      : LETTER (LETTER | [0-9] | '_')* | '_' (LETTER | [0-9] | '_')+ ;
fragment LETTER : [a-zA-Z] | [\p{L}] ;

DEFINE  : ':=' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COMMA   : ',' ;
SEMI    : ';' ;
PLUS    : '+' ;
MINUS   : '-' | '\u2212' ;
STAR    : '*' | '\u00B7' | '\u00D7' ;
SLASH   : '/' ;
CARET   : '^' ;
LE      : '<=' | '\u2264' ;
GE      : '>=' | '\u2265' ;
LT      : '<' ;
GT      : '>' ;

COMMENT : '#' ~[\r\n]* -> skip ;
NEWLINE : '\r'? '\n' | '\r' ;
WS      : [ \t\f\u00A0]+ -> skip ;
