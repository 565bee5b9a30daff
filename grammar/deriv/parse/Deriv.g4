// deriv's plain expression language. No actions: AstBuilder turns the tree into deriv.expr records.
grammar Deriv;

program
    : sep* (statement (sep+ statement)*)? sep* EOF
    ;

sep
    : NEWLINE
    | ';'
    ;

statement
    : name=ID '(' params+=ID (',' params+=ID)* ')' DEFINE expr   # functionDefinition
    | name=ID DEFINE expr                                         # intermediateDefinition
    | expr                                                        # expressionStatement
    ;


// alternatives from the tightest binding; '^' binds tighter than unary minus (-2^2 = -4).
// Implicit multiplication (2x, 3(x+1), 2 sin(x)) is a '*' that Parsing inserts after a number.
expr
    : <assoc=right> expr CARET expr                      # power
    | op=(MINUS | PLUS) expr                             # unary
    | expr op=(STAR | SLASH) expr                        # mulDiv
    | expr op=(PLUS | MINUS) expr                        # addSub
    | atom                                               # atomExpr
    ;

atom
    : NUMBER                                             # number
    | ID '(' (argument (',' argument)*)? ')'             # call
    | ID                                                 # name
    | '(' expr ')'                                       # parens
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
